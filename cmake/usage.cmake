# usage.cmake: a binary's --help text and its man page, both made from its one usage source
# (format: cmake/usage_source.py), so that they cannot disagree.
find_package(Python3 REQUIRED COMPONENTS Interpreter)

set(VNSEARCH_MAN_DIR ${PROJECT_BINARY_DIR}/man)

# add_usage(TARGET SOURCE SECTION): compiles `const char* vnsearch::UsageText()` (the --help
# text) into TARGET, and builds man/TARGET.SECTION(.gz) with it, installed in share/man.
function(add_usage target source section)
  set(scripts_dir ${PROJECT_SOURCE_DIR}/cmake)
  set(scripts ${scripts_dir}/usage_source.py ${scripts_dir}/usage_to_help.py
              ${scripts_dir}/usage_to_man.py)
  # Paths relative to the source root: they are named in the generated files' headers, and the
  # build folder's path has no business in an installed man page. python3 -B: no __pycache__ in
  # the source tree.
  file(RELATIVE_PATH source_from_root ${PROJECT_SOURCE_DIR} ${CMAKE_CURRENT_SOURCE_DIR}/${source})
  set(help_cc ${CMAKE_CURRENT_BINARY_DIR}/generated/${target}_usage_text.cc)
  file(MAKE_DIRECTORY ${CMAKE_CURRENT_BINARY_DIR}/generated ${VNSEARCH_MAN_DIR})
  add_custom_command(
    OUTPUT ${help_cc}
    COMMAND ${Python3_EXECUTABLE} -B ${scripts_dir}/usage_to_help.py ${source_from_root}
            ${help_cc}
    WORKING_DIRECTORY ${PROJECT_SOURCE_DIR}
    DEPENDS ${source} ${scripts}
    COMMENT "Making the --help text of ${target} from ${source_from_root}")
  target_sources(${target} PRIVATE ${help_cc})

  set(man_page ${VNSEARCH_MAN_DIR}/${target}.${section})
  add_custom_command(
    OUTPUT ${man_page} ${man_page}.gz
    COMMAND ${Python3_EXECUTABLE} -B ${scripts_dir}/usage_to_man.py ${source_from_root}
            ${section} ${PROJECT_VERSION} ${man_page}
    # -n: no name or time stamp in the archive, so the package is reproducible.
    COMMAND gzip -9 -n -f -k ${man_page}
    WORKING_DIRECTORY ${PROJECT_SOURCE_DIR}
    DEPENDS ${source} ${scripts}
    COMMENT "Making the man page ${target}(${section}) from ${source_from_root}")
  add_custom_target(${target}_man_page ALL DEPENDS ${man_page}.gz)
  install(FILES ${man_page}.gz DESTINATION ${CMAKE_INSTALL_MANDIR}/man${section})
endfunction()
