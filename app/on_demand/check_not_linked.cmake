# SPDX-License-Identifier: GPL-3.0-or-later
# Run after linking chronomap (see CMakeLists.txt): fails when the executable still needs libgdal
# at start, which happens when it calls a GDAL function missing from gdal_symbols.txt; names them.
execute_process(COMMAND ${OBJDUMP} -p ${EXECUTABLE} OUTPUT_VARIABLE headers)
if(NOT headers MATCHES "NEEDED +${GDAL_SONAME}")
  return()
endif()
execute_process(COMMAND ${NM} -D --undefined-only ${EXECUTABLE} OUTPUT_VARIABLE undefined)
execute_process(COMMAND ${NM} -D --defined-only ${GDAL_LIBRARY} OUTPUT_VARIABLE defined)
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
message(FATAL_ERROR "chronomap links ${GDAL_SONAME} at start: add these GDAL functions it calls to "
                    "app/gdal_on_demand/gdal_symbols.txt (sorted):\n${missing}")
