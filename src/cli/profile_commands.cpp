#include <fcntl.h>
#include <unistd.h>

#include <fmt/format.h>

#include <cerrno>
#include <cstring>
#include <ostream>

#include "cio_gap/cli/output_file.h"
#include "cio_gap/error.h"
#include "cio_gap/load/profile_loader.h"
#include "cio_gap/render/profile_template.h"
#include "commands.h"

namespace cio_gap::cli {

void setup_validate(CLI::App& app, ProfileCommand& command, CommonOptions& common) {
  app.add_option("PROFILE", command.path, "Self-assessment YAML")->required();
  add_common_options(app, common, {"text"}, false);
  app.footer("Exit status 0 when the profile is valid, 2 with the first error otherwise.\nExample:\n  cio-gap validate me.yaml");
}

int run_validate(const ProfileCommand& command, const CommonOptions& common, const Streams& streams) {
  check_output(common, {command.path});
  const RuleSet rules = load_active_rules(common);
  const Profile profile = load_profile(command.path, rules);
  emit(fmt::format("{}: valid ({} skills, {} degrees, {} certifications, {} achievements)\n", escape_control(command.path),
                   profile.skills.size(), profile.education.size(), profile.certifications.size(),
                   profile.achievements.size()),
       common, streams);
  return kExitOk;
}

void setup_init(CLI::App& app, ProfileCommand& command, CommonOptions& common) {
  app.add_option("FILE", command.path, "Where to write it (never overwritten); standard output by default");
  add_common_options(app, common, {"text"}, false);
  app.footer("Examples:\n  cio-gap init me.yaml\n  cio-gap init > me.yaml");
}

int run_init(const ProfileCommand& command, const CommonOptions& common, const Streams& streams) {
  check_output(common, {});
  const std::string text = render_profile_template(load_active_rules(common));
  if (command.path.empty() || is_standard_output(command.path)) {
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
    const std::string shown = escape_control(command.path);
    streams.err << "cio-gap: wrote " << shown << "; check it with: cio-gap validate " << shown << '\n';
  }
  return kExitOk;
}

}  // namespace cio_gap::cli
