# ccache speeds rebuilds a lot with LibTorch's heavy headers. The sloppiness settings are
# what ccache needs to cache translation units that use a precompiled header.
find_program(LMLAB_CCACHE ccache)
if(LMLAB_CCACHE AND NOT CMAKE_CXX_COMPILER_LAUNCHER)
  set(CMAKE_CXX_COMPILER_LAUNCHER
      ${CMAKE_COMMAND} -E env
      CCACHE_SLOPPINESS=pch_defines,time_macros,include_file_mtime,include_file_ctime
      ${LMLAB_CCACHE})
  message(STATUS "Using ccache: ${LMLAB_CCACHE}")
endif()
