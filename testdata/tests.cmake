# Test registrations; `ctest` runs all of them.
set(FIXTURES ${CMAKE_SOURCE_DIR}/testdata)

# One test per check: every fixture's expectations hold.
foreach(check lock-double-release lock-double-acquire lock-leak sleep-under-ptl
              vma-use-after-unlock vma-stale-after-relock
              migrate-to-ram-mmap-lock migrate-to-ram-under-vma-lock
              pte-use-after-unlock vma-weak-revalidation)
  add_test(NAME fixtures-${check}
           COMMAND ${FIXTURES}/run-fixtures.sh $<TARGET_FILE:mmlock> ${FIXTURES}/checks/${check})
endforeach()

# kbuild's exact $(CHECK) argument lists (gcc and LLVM builds of 6.12).
foreach(mode gcc llvm)
  add_test(NAME kbuild-args-fixture-${mode}
           COMMAND ${FIXTURES}/kernel/run-kernel-tests.sh $<TARGET_FILE:mmlock> kbuild-fixture ${mode})
  add_test(NAME kbuild-args-tree-${mode}
           COMMAND ${FIXTURES}/kernel/run-kernel-tests.sh $<TARGET_FILE:mmlock> kbuild-tree ${mode})
  set_tests_properties(kbuild-args-tree-${mode} PROPERTIES SKIP_RETURN_CODE 77
                       RESOURCE_LOCK kernel-tree-${mode})
endforeach()

# do_swap_page() without its VMA-lock bail-out must be reported.
add_test(NAME kernel-do-swap-page-bailout
         COMMAND ${FIXTURES}/kernel/run-kernel-tests.sh $<TARGET_FILE:mmlock> do-swap-page-bailout)
set_tests_properties(kernel-do-swap-page-bailout PROPERTIES SKIP_RETURN_CODE 77
                     RESOURCE_LOCK kernel-tree-gcc)

# Findings on the real 6.12 files must match the triaged list.
add_test(NAME kernel-golden
         COMMAND ${FIXTURES}/kernel/run-kernel-tests.sh $<TARGET_FILE:mmlock> golden)
set_tests_properties(kernel-golden PROPERTIES SKIP_RETURN_CODE 77 TIMEOUT 2400
                     RESOURCE_LOCK kernel-tree-gcc)

# The same on a wider configuration (mm-wide.config: KSM, memcg, zswap,
# DAMON, ... and binder, KVM, VFIO, SGX, InfiniBand, Xen, io_uring), in tree
# mode over make -n's commands: no crash, hang or parse failure either.
add_test(NAME kernel-golden-mm-wide
         COMMAND ${FIXTURES}/kernel/run-kernel-tests.sh $<TARGET_FILE:mmlock> golden-mm-wide)
set_tests_properties(kernel-golden-mm-wide PROPERTIES SKIP_RETURN_CODE 77 TIMEOUT 1800
                     RESOURCE_LOCK kernel-tree-mm-wide)

# Mutation recall: 41 real bug shapes put back into 6.12 files; at least 90 %
# must be found (per check recall is printed), with no new finding elsewhere.
add_test(NAME kernel-mutations
         COMMAND ${FIXTURES}/mutations/run-mutations.sh $<TARGET_FILE:mmlock>)
set_tests_properties(kernel-mutations PROPERTIES SKIP_RETURN_CODE 77 TIMEOUT 1800
                     RESOURCE_LOCK kernel-tree-gcc)

# JSON report: valid, deterministic, fingerprints stable across line shifts.
add_test(NAME json-output COMMAND ${FIXTURES}/run-json-test.sh $<TARGET_FILE:mmlock>)

# CFG builder: --dump-ir of each C construct against a hand-checked dump.
add_test(NAME cfg COMMAND ${FIXTURES}/cfg/run-cfg-tests.sh $<TARGET_FILE:mmlock>)

# The engine on hand-built IR: links no libclang.
add_executable(engine_test ${FIXTURES}/unit/engine_test.c)
target_link_libraries(engine_test PRIVATE mmlock_core)
add_test(NAME engine-unit COMMAND engine_test)

# The command line: exit codes, switches, kbuild's flags.
add_test(NAME cli COMMAND ${FIXTURES}/run-cli-tests.sh $<TARGET_FILE:mmlock>)

# Tree mode over a compilation database.
add_test(NAME tree-mode COMMAND ${FIXTURES}/run-tree-test.sh $<TARGET_FILE:mmlock>)

# Coccinelle rules (cocci/) against their inputs, with spatch.
add_test(NAME cocci COMMAND ${CMAKE_SOURCE_DIR}/testdata/cocci/run-cocci-tests.sh)
set_tests_properties(cocci PROPERTIES SKIP_RETURN_CODE 77)

# SARIF report: valid against the SARIF 2.1.0 schema (.ci/install-deps
# fetches it; skipped without it), the same facts as the JSON report.
add_test(NAME sarif-schema COMMAND ${FIXTURES}/run-sarif-test.sh $<TARGET_FILE:mmlock>)
set_tests_properties(sarif-schema PROPERTIES SKIP_RETURN_CODE 77)

# --also-run=sparse with the real sparse and kbuild's argument list.
add_test(NAME also-run-sparse COMMAND ${FIXTURES}/run-also-run-sparse.sh $<TARGET_FILE:mmlock>)
set_tests_properties(also-run-sparse PROPERTIES SKIP_RETURN_CODE 77)

# The same rules over the 6.12 set (mm/, arch/x86/mm/, lib/test_hmm.c, the
# migrate_to_ram drivers): the places must match testdata/kernel/cocci-6.12.txt.
add_test(NAME cocci-kernel-6.12
         COMMAND ${FIXTURES}/kernel/run-cocci-kernel.sh)
set_tests_properties(cocci-kernel-6.12 PROPERTIES SKIP_RETURN_CODE 77 TIMEOUT 600
                     RESOURCE_LOCK kernel-tree-gcc)

# mmlock gate without a kernel: small C files, hand-written kbuild .o.cmd
# files; attribution, header -> TUs, transient, line shifts, errors.
add_test(NAME gate-mini COMMAND ${FIXTURES}/gate/run-gate-mini-tests.sh $<TARGET_FILE:mmlock>)

# mmlock gate: patch series made for the test (testdata/gate/series/) on a
# small git repository of real 6.12 files copied from the prepared tree,
# which is the build directory: exit codes, attribution, fingerprints
# across line shifts, header -> TU mapping, baseline, suppressions, SARIF,
# the user's checkout left alone.
add_test(NAME gate-series COMMAND ${FIXTURES}/gate/run-gate-tests.sh $<TARGET_FILE:mmlock>)
# (its build directory's .o.cmd files are written by kernel-golden's make C=2)
set_tests_properties(gate-series PROPERTIES SKIP_RETURN_CODE 77 TIMEOUT 1200
                     RESOURCE_LOCK kernel-tree-gcc DEPENDS kernel-golden)
