# End-to-end tests: a doctest binary that runs the built `tracuu` on files in temporary
# directories and checks its exit codes, stderr messages and JSON output.
file(GLOB TRACUU_E2E_TESTS CONFIGURE_DEPENDS ${CMAKE_CURRENT_SOURCE_DIR}/e2e/*_e2e.cpp)
add_executable(tracuu_e2e main_test.cpp e2e/harness.cpp ${TRACUU_E2E_TESTS})
target_include_directories(tracuu_e2e PRIVATE ${CMAKE_CURRENT_SOURCE_DIR}/e2e)
target_link_libraries(tracuu_e2e PRIVATE doctest::doctest nlohmann_json::nlohmann_json ${XAPIAN_LIBRARIES})
target_include_directories(tracuu_e2e PRIVATE ${XAPIAN_INCLUDE_DIR})
target_compile_definitions(tracuu_e2e PRIVATE
  TRACUU_BINARY="$<TARGET_FILE:tracuu_cli>"
  TRACUU_SOURCE_DIR="${PROJECT_SOURCE_DIR}")
add_dependencies(tracuu_e2e tracuu_cli)
foreach(test_file ${TRACUU_E2E_TESTS})
  get_filename_component(name ${test_file} NAME_WE)
  file(RELATIVE_PATH rel ${CMAKE_CURRENT_SOURCE_DIR} ${test_file})
  add_test(NAME e2e.${name} COMMAND tracuu_e2e --source-file=*${rel} --no-intro --no-version)
endforeach()

add_test(NAME e2e.install
         COMMAND ${CMAKE_CURRENT_SOURCE_DIR}/e2e/install_test.sh ${PROJECT_BINARY_DIR}
                 ${CMAKE_CURRENT_SOURCE_DIR}/fixtures/articles/dak-lak-chi-thi-09.txt)
