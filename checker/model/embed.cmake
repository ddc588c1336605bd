# Turns the model text into a C string: cmake -DIN=model -DOUT=file.c -P embed.cmake
file(READ ${IN} hex HEX)
string(REGEX REPLACE "([0-9a-f][0-9a-f])" "0x\\1," body "${hex}")
file(WRITE ${OUT} "/* generated from ${IN} */\nconst char mmlock_builtin_model[] = {${body}0x00};\n")
