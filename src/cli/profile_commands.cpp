#include <fcntl.h>
#include <unistd.h>

#include <fmt/format.h>

#include <cerrno>
#include <cstring>
#include <ostream>

#include "cio_gap/error.h"
#include "cio_gap/load/profile_loader.h"
#include "cio_gap/render/profile_template.h"
#include "commands.h"

namespace cio_gap::cli {

void setup_validate(CLI::App& app, ProfileCommand& command, CommonOptions& common) {
  app.add_option("PROFILE", command.path, "Self-assessment YAML, or a folder of them")->required();
  add_common_options(app, common, {"text"}, false);
  app.footer(
      "Exit status 0 when every profile is valid, 2 otherwise (each profile's first error is reported).\n"
      "Examples:\n  cio-gap validate me.yaml\n  cio-gap validate clients/");
}

int run_validate(const ProfileCommand& command, const CommonOptions& common, const Streams& streams) {
  const RuleSet rules = load_active_rules(common);
  bool batch = false;
  std::string out;
  int code = kExitOk;
  for (const auto& path : profile_paths(command.path, batch)) {
    try {
      const Profile profile = load_profile(path, rules);
      out += fmt::format("{}: valid ({} skills, {} degrees, {} certifications, {} achievements)\n", path,
                         profile.skills.size(), profile.education.size(), profile.certifications.size(),
                         profile.achievements.size());
    } catch (const Error& e) {
      if (!batch) throw;
      report_profile_error(e, streams);  // and go on: every profile of the folder is reported
      code = kExitError;
    }
  }
  emit(out, common, streams);
  return code;
}

void setup_init(CLI::App& app, ProfileCommand& command, CommonOptions& common) {
  app.add_option("FILE", command.path, "Where to write it (never overwritten); standard output by default");
  add_common_options(app, common, {"text"}, false);
  app.footer("Examples:\n  cio-gap init me.yaml\n  cio-gap init > me.yaml");
}

int run_init(const ProfileCommand& command, const CommonOptions& common, const Streams& streams) {
  const std::string text = render_profile_template(load_active_rules(common));
  if (command.path.empty() || command.path == "-") {
    emit(text, common, streams);
    return kExitOk;
  }
  // Never overwrite: a profile holds a person's own words.
  const int fd = ::open(command.path.c_str(), O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0644);
  if (fd < 0) throw Error(located(command.path, 0, 0, std::strerror(errno)));
  const ssize_t written = ::write(fd, text.data(), text.size());
  const int write_error = errno;
  if (::close(fd) != 0 || written != static_cast<ssize_t>(text.size())) {
    throw Error(located(command.path, 0, 0, std::strerror(written < 0 ? write_error : EIO)));
  }
  if (!common.quiet) {
    streams.err << "cio-gap: wrote " << command.path << "; check it with: cio-gap validate " << command.path << '\n';
  }
  return kExitOk;
}

}  // namespace cio_gap::cli
