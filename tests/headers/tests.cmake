# The public header compiles alone, as strict C11 and (if a C++ compiler is
# available) as C++: it is self-contained and extern "C"-clean.
add_library(annals_header_c OBJECT headers/header_c.c)
target_include_directories(annals_header_c PRIVATE ${PROJECT_SOURCE_DIR}/include)
target_compile_options(annals_header_c PRIVATE -Wall -Wextra -Wpedantic -Werror)
add_test(NAME header_c
         COMMAND ${CMAKE_COMMAND} --build ${CMAKE_BINARY_DIR} --target annals_header_c)
set_tests_properties(header_c PROPERTIES TIMEOUT 120)
find_program(ANNALS_CXX NAMES c++ g++ clang++)
if(ANNALS_CXX)
  add_test(NAME header_cxx
           COMMAND ${ANNALS_CXX} -std=c++11 -Wall -Wextra -Wpedantic -Werror -fsyntax-only
                   -I${PROJECT_SOURCE_DIR}/include ${CMAKE_CURRENT_SOURCE_DIR}/headers/header_cxx.cpp)
endif()
