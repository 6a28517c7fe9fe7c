# SPDX-License-Identifier: GPL-3.0-or-later
# Run after linking chronomap (on_demand.cmake): fails when the executable still needs LIBRARY
# (SONAME) at start, which happens when it calls a function of it missing from SYMBOLS_FILE;
# names them.
execute_process(COMMAND ${OBJDUMP} -p ${EXECUTABLE} OUTPUT_VARIABLE headers)
if(NOT headers MATCHES "NEEDED +${SONAME}")
  return()
endif()
execute_process(COMMAND ${NM} -D --undefined-only ${EXECUTABLE} OUTPUT_VARIABLE undefined)
execute_process(COMMAND ${NM} -D --defined-only ${LIBRARY} OUTPUT_VARIABLE defined)
string(REGEX MATCHALL "[^ \n]+\n" undefined "${undefined}")
set(missing "")
foreach(line IN LISTS undefined)
  string(STRIP "${line}" symbol)
  string(REGEX REPLACE "@.*" "" symbol "${symbol}")
  string(FIND "${defined}" " ${symbol}\n" at)
  if(at GREATER -1)
    string(APPEND missing "  ${symbol}\n")
  endif()
endforeach()
file(REMOVE ${EXECUTABLE}) # never left looking built
message(FATAL_ERROR "chronomap links ${SONAME} at start: add these functions it calls to "
                    "${SYMBOLS_FILE} (sorted):\n${missing}")
