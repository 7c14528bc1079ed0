# install_service_files: installs vnsearchd.service and its settings file (default/vnsearchd), at
# install time because both name paths under the prefix, which `cmake --install --prefix` can change.
# Set before it runs (packaging/CMakeLists.txt): VNSEARCH_PACKAGING_DIR, the packaging/ source
# folder; VNSEARCH_SBINDIR, the daemon's folder under the prefix; VNSEARCH_STAGING_DIR, a scratch
# folder of the build tree.

# Settings live in /etc for a /usr installation (GNU's rule, and Debian's), else in PREFIX/etc.
if(CMAKE_INSTALL_PREFIX STREQUAL "/usr")
  set(sysconfdir /etc)
else()
  set(sysconfdir ${CMAKE_INSTALL_PREFIX}/etc)
endif()
set(VNSEARCHD ${CMAKE_INSTALL_PREFIX}/${VNSEARCH_SBINDIR}/vnsearchd)
set(VNSEARCHD_DEFAULTS ${sysconfdir}/default/vnsearchd)

# Configured into a folder of its own per prefix, so that two installs at once do not mix.
string(MD5 prefix_key "${CMAKE_INSTALL_PREFIX}")
set(configured_dir ${VNSEARCH_STAGING_DIR}/${prefix_key})
configure_file(${VNSEARCH_PACKAGING_DIR}/vnsearchd.service.in ${configured_dir}/vnsearchd.service
               @ONLY)
file(INSTALL ${configured_dir}/vnsearchd.service
     DESTINATION ${CMAKE_INSTALL_PREFIX}/lib/systemd/system)
file(INSTALL ${VNSEARCH_PACKAGING_DIR}/vnsearchd.default DESTINATION ${sysconfdir}/default
     RENAME vnsearchd)
