# Fails if a layer of the engine includes a header of a layer above it, if a public header
# (include/careflow/) includes an engine header, or if the programs (tools/) do.
#   cmake -DROOT=<a source tree> -P check_layers.cmake
# The layers, lowest first, and what each may include (docs/ARCHITECTURE.md explains them):
cmake_minimum_required(VERSION 3.25)

set(allowed_model    model)
set(allowed_stats    stats model)
set(allowed_scenario scenario model)
set(allowed_finance  finance model)
set(allowed_sim      sim finance model)
set(allowed_batch    batch sim finance scenario stats model)
set(allowed_output   output stats model)
set(layers model stats scenario finance sim batch output)

if(NOT ROOT)
  message(FATAL_ERROR "usage: cmake -DROOT=<source tree> -P check_layers.cmake")
endif()

set(violations "")

# The engine layers named by the includes of `file`, quoted or angled ("sim/event.hpp" and
# <sim/event.hpp> -> sim); folders that are not layers (<fmt/...>, <careflow/...>) are skipped.
function(included_layers file out)
  file(STRINGS "${file}" lines REGEX "^[ \t]*#[ \t]*include[ \t]*[<\"][a-z_]+/")
  set(found "")
  foreach(line IN LISTS lines)
    string(REGEX REPLACE "^[ \t]*#[ \t]*include[ \t]*[<\"]([a-z_]+)/.*$" "\\1" layer "${line}")
    if(layer IN_LIST layers)
      list(APPEND found "${layer}")
    endif()
  endforeach()
  set(${out} "${found}" PARENT_SCOPE)
endfunction()

foreach(layer IN LISTS layers)
  file(GLOB sources "${ROOT}/engine/${layer}/*.hpp" "${ROOT}/engine/${layer}/*.cpp")
  foreach(file IN LISTS sources)
    included_layers("${file}" used)
    foreach(other IN LISTS used)
      if(NOT other IN_LIST allowed_${layer})
        file(RELATIVE_PATH name "${ROOT}" "${file}")
        list(JOIN allowed_${layer} ", " may)
        list(APPEND violations "${name}: layer '${layer}' includes '${other}/' (it may include: ${may})")
      endif()
    endforeach()
  endforeach()
endforeach()

# Public headers and programs see include/careflow/ only.
file(GLOB_RECURSE outside "${ROOT}/include/*.hpp" "${ROOT}/include/*.in" "${ROOT}/tools/*.hpp"
     "${ROOT}/tools/*.cpp")
foreach(file IN LISTS outside)
  included_layers("${file}" used)
  foreach(other IN LISTS used)
    if(other IN_LIST layers)
      file(RELATIVE_PATH name "${ROOT}" "${file}")
      list(APPEND violations "${name}: includes the engine's internal '${other}/' headers (use <careflow/...>)")
    endif()
  endforeach()
endforeach()

list(LENGTH violations count)
if(count GREATER 0)
  list(JOIN violations "\n  " text)
  message(FATAL_ERROR "${count} include(s) cross the layers:\n  ${text}")
endif()
message(STATUS "layers: every include goes down or sideways within its layer")
