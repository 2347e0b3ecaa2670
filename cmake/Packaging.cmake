# `cpack -G DEB` in the build folder: careflow_<version>_<arch>.deb with what Install.cmake
# installs, under /usr.
set(CPACK_PACKAGE_NAME careflow)
set(CPACK_PACKAGE_VENDOR careflow)
set(CAREFLOW_PACKAGE_MAINTAINER "careflow maintainers <careflow@example.org>" CACHE STRING
  "The Maintainer field of the Debian package: Name <address>")
set(CPACK_PACKAGE_CONTACT ${CAREFLOW_PACKAGE_MAINTAINER})
set(CPACK_PACKAGE_DESCRIPTION_SUMMARY
  "discrete-event simulator of youth-care flows, waiting lists and costs")
set(CPACK_PACKAGE_DESCRIPTION
  "careflow moves synthetic children through youth-care states (local teams, ambulatory,\
 residential and foster care, crisis) with places, waiting lists and lengths of stay, and\
 runs many replications so every answer comes with an uncertainty band. Scenarios are YAML\
 files; results are CSV files. The package also holds the C++ library (headers, static\
 libraries and the CMake package careflow::careflow).")
set(CPACK_PACKAGING_INSTALL_PREFIX /usr)
set(CPACK_DEBIAN_FILE_NAME DEB-DEFAULT)
set(CPACK_DEBIAN_PACKAGE_SECTION science)
# Strips the program (static libraries only get ranlib, so they stay linkable).
set(CPACK_STRIP_FILES ON)
# dpkg-shlibdeps reads the program's shared libraries into Depends (libyaml-cpp0.7, libtbb12,
# libfmt9, libstdc++6, libc6).
set(CPACK_DEBIAN_PACKAGE_SHLIBDEPS ON)
# Only for building against the library: the static layers link these.
set(CPACK_DEBIAN_PACKAGE_SUGGESTS
  "libboost-dev, libyaml-cpp-dev, libtbb-dev, libfmt-dev, nlohmann-json3-dev, cmake")
include(CPack)
