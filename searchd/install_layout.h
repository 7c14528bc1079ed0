// install_layout: where vnsearchd finds the files installed with it (the web page), from where its
// own binary is, so that an installation works wherever it was put (/usr, /usr/local, a DESTDIR).
#ifndef VNSEARCH_SEARCHD_INSTALL_LAYOUT_H_
#define VNSEARCH_SEARCHD_INSTALL_LAYOUT_H_

#include <string>

namespace vnsearch {

// The path of the running binary (/proc/self/exe, links resolved), or `argv0` when that cannot be
// read.
std::string RunningBinaryPath(const char* argv0);

// The web page folder a vnsearchd at `binary_path` serves when neither --web nor VNSEARCH_WEB
// says: share/vnsearch/web of its installation (for /usr/sbin/vnsearchd, /usr/share/vnsearch/web;
// the build tree has the same layout, build/share/vnsearch/web being a link to the source's web/)
// when that is a folder, else ./web when that is one, else the installation's path again, for the
// error that follows to name.
std::string DefaultWebRoot(const std::string& binary_path);

}  // namespace vnsearch

#endif  // VNSEARCH_SEARCHD_INSTALL_LAYOUT_H_
