# The layers' rules, checked at every build (cmake -P, run by the kith_layers target that every
# library of kith depends on): an #include that runs up a layer, or a library used outside the
# layer that owns it, fails the build naming the file, the line and the rule.
#
#   core     include/kith/, src/core/     values, rules, use cases and the store
#   formats  src/formats/                 parsers and writers over the core's plain records
#   interop  src/interop/                 import and export: the store through the formats
#   cli      src/cli/                     parses, calls one core or interop function, renders
#
# Each layer may include its own headers and those of the layers below it; the compiler sees the
# same rule for the core and the formats, which have no include path to anything above them.
# SOURCE_DIR: the project's root. STAMP: the file written when every rule holds.

set(layers core formats interop cli)

set(core_dirs include/kith src/core)
set(core_may "kith/")
# SQLiteCpp and sqlite3.h: the store's own implementation only; unicode/ (ICU): text.cpp.
set(core_libraries "SQLiteCpp/;sqlite3.h;unicode/")
set(core_forbidden "CLI/;fmt/;nlohmann/;toml")

set(formats_dirs src/formats)
set(formats_may "kith/")
set(formats_forbidden "CLI/;fmt/;SQLiteCpp/;sqlite3.h;unicode/;kith/store.hpp;kith/use_cases/")

set(interop_dirs src/interop)
set(interop_may "kith/;formats/;interop/")
set(interop_forbidden "CLI/;fmt/;SQLiteCpp/;sqlite3.h;unicode/")

set(cli_dirs src/cli)
set(cli_may "kith/;interop/;cli/")
set(cli_forbidden "SQLiteCpp/;sqlite3.h;unicode/;kith/records.hpp")

set(violations "")
foreach(layer IN LISTS layers)
  foreach(dir IN LISTS ${layer}_dirs)
    file(GLOB_RECURSE files "${SOURCE_DIR}/${dir}/*.hpp" "${SOURCE_DIR}/${dir}/*.cpp")
    foreach(file IN LISTS files)
      file(RELATIVE_PATH shown "${SOURCE_DIR}" "${file}")
      get_filename_component(here "${file}" DIRECTORY)
      file(STRINGS "${file}" lines REGEX "^[ \t]*#[ \t]*include[ \t]*[<\"]")
      foreach(line IN LISTS lines)
        string(REGEX MATCH "[<\"]([^>\"]+)[>\"]" _ "${line}")
        set(header "${CMAKE_MATCH_1}")
        foreach(prefix IN LISTS ${layer}_forbidden)
          string(FIND "${header}" "${prefix}" at)
          if(at EQUAL 0)
            list(APPEND violations "${shown}: includes ${header}: not in the ${layer} layer")
          endif()
        endforeach()
        if(line MATCHES "\"")
          # A quoted include is the layer's own header (beside the file) or one of a layer it
          # may use.
          set(allowed FALSE)
          if(EXISTS "${here}/${header}" AND NOT header MATCHES "\\.\\.")
            set(allowed TRUE)
          endif()
          foreach(prefix IN LISTS ${layer}_may)
            string(FIND "${header}" "${prefix}" at)
            if(at EQUAL 0)
              set(allowed TRUE)
            endif()
          endforeach()
          if(NOT allowed)
            list(JOIN ${layer}_may ", " may)
            list(APPEND violations
                 "${shown}: includes \"${header}\": the ${layer} layer may include only ${may} and its own headers")
          endif()
        elseif(layer STREQUAL "core" AND dir STREQUAL "include/kith")
          foreach(prefix IN LISTS core_libraries)
            string(FIND "${header}" "${prefix}" at)
            if(at EQUAL 0)
              list(APPEND violations "${shown}: includes ${header}: the public API names no library")
            endif()
          endforeach()
        endif()
      endforeach()
    endforeach()
  endforeach()
endforeach()

if(violations)
  list(JOIN violations "\n  " text)
  message(FATAL_ERROR "kith's layers (cmake/check_layers.cmake):\n  ${text}")
endif()
file(WRITE "${STAMP}" "ok\n")
