# One ctest entry per unit-test file, so a failure names its concern.
foreach(test_file ${TRACUU_UNIT_TESTS})
  file(RELATIVE_PATH rel ${CMAKE_CURRENT_SOURCE_DIR} ${test_file})
  string(REGEX REPLACE "_test\\.cpp$" "" name ${rel})
  string(REPLACE "/" "." name ${name})
  add_test(NAME unit.${name}
           COMMAND tracuu_tests --source-file=*${rel} --no-intro --no-version)
endforeach()
