# SPDX-License-Identifier: GPL-3.0-or-later
# Libraries the chronomap executable loads when it first calls them, not at its start: one
# entry per function listed in a symbols file (entries.cpp.in), and a resolver of the library's
# own (gdal_on_demand.cpp, pq_on_demand.cpp) that loads it. Linking such a library makes every
# start load and relocate it and its dependencies before main().

set(CHRONOMAP_ON_DEMAND_DIR ${CMAKE_CURRENT_LIST_DIR})

# Generates `out_file`: the entries for the functions in `symbols_file` (one name a line, '#'
# comments), jumping through <prefix>Table and resolved by <prefix>Resolve.
function(chronomap_on_demand_entries prefix symbols_file out_file)
  file(STRINGS ${symbols_file} symbols REGEX "^[^#]")
  set(NAMES "")
  set(ENTRIES "")
  set(index 0)
  foreach(symbol IN LISTS symbols)
    math(EXPR offset "${index} * 8")
    string(APPEND NAMES "    \"${symbol}\",\n")
    string(APPEND ENTRIES "    CHRONOMAP_ON_DEMAND_ENTRY(${symbol}, ${index}, ${offset})\n")
    math(EXPR index "${index} + 1")
  endforeach()
  set(COUNT ${index})
  set(PREFIX ${prefix})
  file(RELATIVE_PATH SYMBOLS_FILE ${PROJECT_SOURCE_DIR} ${symbols_file})
  configure_file(${CHRONOMAP_ON_DEMAND_DIR}/entries.cpp.in ${out_file} @ONLY)
  set_property(DIRECTORY APPEND PROPERTY CMAKE_CONFIGURE_DEPENDS ${symbols_file})
endfunction()

# The soname of the shared library at `path`, as the linker would have recorded it.
function(chronomap_soname_of path out_var)
  execute_process(COMMAND ${CMAKE_OBJDUMP} -p ${path} OUTPUT_VARIABLE headers)
  string(REGEX MATCH "SONAME +([^\n]+)" soname_line "${headers}")
  if(NOT CMAKE_MATCH_1)
    message(FATAL_ERROR "no SONAME found in ${path}")
  endif()
  set(${out_var} "${CMAKE_MATCH_1}" PARENT_SCOPE)
endfunction()

# After linking chronomap: fails when it still needs `library` at start (a function of it called
# but missing from `symbols_file`), naming the functions to add.
function(chronomap_check_not_linked library soname symbols_file)
  add_custom_command(TARGET chronomap POST_BUILD
                     COMMAND ${CMAKE_COMMAND} -DEXECUTABLE=$<TARGET_FILE:chronomap> -DLIBRARY=${library}
                             -DSONAME=${soname} -DSYMBOLS_FILE=${symbols_file} -DOBJDUMP=${CMAKE_OBJDUMP}
                             -DNM=${CMAKE_NM} -P ${CHRONOMAP_ON_DEMAND_DIR}/check_not_linked.cmake
                     VERBATIM)
endfunction()
