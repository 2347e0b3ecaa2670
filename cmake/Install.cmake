# What `cmake --install` puts under the prefix: the program and its man page, the docs and
# bundled scenarios, and the library (public headers, static layers, the CMake package
# careflow::careflow). Rules name targets, never source files.
include(GNUInstallDirs)
include(CMakePackageConfigHelpers)

set(CAREFLOW_INSTALL_CMAKEDIR ${CMAKE_INSTALL_LIBDIR}/cmake/careflow CACHE STRING
  "Where careflowConfig.cmake goes, relative to the prefix")
set(careflow_scenario_dir ${CMAKE_INSTALL_DATADIR}/careflow/scenarios)

# The program. --help names the docs and scenarios where they are installed: it finds the
# prefix from its own location (so `--prefix` at install time and the Debian package's /usr
# both come out right), hence the folders relative to the prefix and the way back from bin/.
install(TARGETS careflow_cli RUNTIME DESTINATION ${CMAKE_INSTALL_BINDIR})
file(RELATIVE_PATH careflow_prefix_from_bin
  ${CMAKE_INSTALL_FULL_BINDIR} ${CMAKE_INSTALL_PREFIX})
target_compile_definitions(careflow_cli PRIVATE
  CAREFLOW_PREFIX_FROM_BIN="${careflow_prefix_from_bin}"
  CAREFLOW_DOC_DIR="${CMAKE_INSTALL_DOCDIR}"
  CAREFLOW_SCENARIO_DIR="${careflow_scenario_dir}")

install(FILES README.md DESTINATION ${CMAKE_INSTALL_DOCDIR})
# docs/ stays a subfolder: README.md links to docs/scenario-format.md and so on.
install(DIRECTORY docs/ DESTINATION ${CMAKE_INSTALL_DOCDIR}/docs FILES_MATCHING PATTERN "*.md")
# Installed side by side, so `extends: noord-veluwe-2019.yaml` still finds its base.
install(DIRECTORY scenarios/ DESTINATION ${careflow_scenario_dir}
  FILES_MATCHING PATTERN "*.yaml")

# The man page, from the program's own --help and --version.
find_program(HELP2MAN_EXECUTABLE help2man)
if(HELP2MAN_EXECUTABLE)
  add_custom_command(OUTPUT ${PROJECT_BINARY_DIR}/careflow.1
    COMMAND ${HELP2MAN_EXECUTABLE} --no-info
            "--name=simulate youth-care flows, waiting lists and costs"
            --version-string=${PROJECT_VERSION}
            --include=${CMAKE_CURRENT_LIST_DIR}/careflow.h2m
            --output=${PROJECT_BINARY_DIR}/careflow.1
            $<TARGET_FILE:careflow_cli>
    DEPENDS careflow_cli ${CMAKE_CURRENT_LIST_DIR}/careflow.h2m
    COMMENT "Generating the man page careflow.1"
    VERBATIM)
  add_custom_target(careflow_man ALL DEPENDS ${PROJECT_BINARY_DIR}/careflow.1)
  install(FILES ${PROJECT_BINARY_DIR}/careflow.1 DESTINATION ${CMAKE_INSTALL_MANDIR}/man1)
else()
  message(WARNING "help2man not found: no man page is built or installed "
    "(tools/install_deps.sh installs it)")
endif()

# The library. careflow_internal and careflow_warnings are build-only helpers, linked through
# $<BUILD_INTERFACE:...>, so they stay out of the export set.
install(DIRECTORY include/careflow/ DESTINATION ${CMAKE_INSTALL_INCLUDEDIR}/careflow
  FILES_MATCHING PATTERN "*.hpp")
install(FILES ${PROJECT_BINARY_DIR}/generated/careflow/version.hpp
  DESTINATION ${CMAKE_INSTALL_INCLUDEDIR}/careflow)
install(TARGETS careflow_api careflow_model careflow_stats careflow_scenario careflow_finance
                careflow_sim careflow_batch careflow_output careflow
  EXPORT careflowTargets
  ARCHIVE DESTINATION ${CMAKE_INSTALL_LIBDIR})
install(EXPORT careflowTargets
  NAMESPACE careflow::
  DESTINATION ${CAREFLOW_INSTALL_CMAKEDIR})

configure_package_config_file(cmake/careflowConfig.cmake.in
  ${PROJECT_BINARY_DIR}/careflowConfig.cmake
  INSTALL_DESTINATION ${CAREFLOW_INSTALL_CMAKEDIR})
# 0.x: a new minor version may change the API.
write_basic_package_version_file(${PROJECT_BINARY_DIR}/careflowConfigVersion.cmake
  COMPATIBILITY SameMinorVersion)
install(FILES ${PROJECT_BINARY_DIR}/careflowConfig.cmake
              ${PROJECT_BINARY_DIR}/careflowConfigVersion.cmake
  DESTINATION ${CAREFLOW_INSTALL_CMAKEDIR})

# CPack settings are global: a project that adds careflow as a subdirectory keeps its own.
if(PROJECT_IS_TOP_LEVEL)
  include(${CMAKE_CURRENT_LIST_DIR}/Packaging.cmake)
endif()
