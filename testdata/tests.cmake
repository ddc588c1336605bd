# Test registrations; `ctest` runs all of them.
set(FIXTURES ${CMAKE_SOURCE_DIR}/testdata)

# One test per check: every fixture's expectations hold.
foreach(check lock-double-release lock-double-acquire lock-leak sleep-under-ptl)
  add_test(NAME fixtures-${check}
           COMMAND ${FIXTURES}/run-fixtures.sh $<TARGET_FILE:mmlock> ${FIXTURES}/checks/${check})
endforeach()
