# tracuu_search_bench: in-process search latency over a query set (scripts/bench runs it).
# Built with the tests; it links the library like the CLI does and asserts nothing.
add_executable(tracuu_search_bench ${CMAKE_CURRENT_LIST_DIR}/search_latency.cpp)
target_link_libraries(tracuu_search_bench PRIVATE tracuu)
set_target_properties(tracuu_search_bench PROPERTIES RUNTIME_OUTPUT_DIRECTORY ${PROJECT_BINARY_DIR})

# tracuu_extract_bench: extraction speed on one core (scripts/bench runs it).
add_executable(tracuu_extract_bench ${CMAKE_CURRENT_LIST_DIR}/extract_throughput.cpp)
target_link_libraries(tracuu_extract_bench PRIVATE tracuu)
set_target_properties(tracuu_extract_bench PROPERTIES RUNTIME_OUTPUT_DIRECTORY ${PROJECT_BINARY_DIR})
