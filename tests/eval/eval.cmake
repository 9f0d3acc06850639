# The gold-set evaluator: tracuu_eval scores extraction against tests/gold (precision,
# recall, F1 per entity kind), and ctest's eval.gold fails when a kind falls below its
# floor in tests/eval/floors.txt (one kind=value a line, '#' comments).
add_executable(tracuu_eval ${CMAKE_CURRENT_SOURCE_DIR}/eval/eval_main.cpp)
target_link_libraries(tracuu_eval PRIVATE tracuu nlohmann_json::nlohmann_json fmt::fmt)
target_compile_definitions(tracuu_eval PRIVATE TRACUU_GOLD_DIR="${CMAKE_CURRENT_SOURCE_DIR}/gold")

set(TRACUU_EVAL_FLOORS_FILE ${CMAKE_CURRENT_SOURCE_DIR}/eval/floors.txt)
set_property(DIRECTORY APPEND PROPERTY CMAKE_CONFIGURE_DEPENDS ${TRACUU_EVAL_FLOORS_FILE})
file(STRINGS ${TRACUU_EVAL_FLOORS_FILE} tracuu_eval_floor_lines REGEX "^[a-z_]+=[0-9.]+")
list(JOIN tracuu_eval_floor_lines "," tracuu_eval_floors)
add_test(NAME eval.gold COMMAND tracuu_eval --floor "${tracuu_eval_floors}")
