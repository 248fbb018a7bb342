#include <fcntl.h>
#include <unistd.h>

#include <fmt/format.h>

#include <cerrno>
#include <cstring>
#include <memory>
#include <ostream>

#include "cio_gap/analyze/gap_analysis.h"
#include "cio_gap/analyze/resume_evidence.h"
#include "cio_gap/analyze/resume_facts.h"
#include "cio_gap/cli/output_file.h"
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
  check_output(common, {command.path});
  const RuleSet rules = load_active_rules(common);
  bool batch = false;
  std::string out;
  int code = kExitOk;
  std::unique_ptr<Extractor> built;  // made once, when a profile has free-text skills to check
  auto extractor = [&]() -> const Extractor& {
    if (!built) built = std::make_unique<Extractor>(rules);
    return *built;
  };
  for (const auto& path : profile_paths(command.path, batch)) {
    try {
      Profile profile = load_profile(path, rules);
      // The résumé it names must be readable too: an assess run would stop on it.
      attach_resume(profile, "", common);
      if (!common.quiet) {
        for (const auto& warning : unmatched_skills(profile, extractor())) {
          streams.err << "cio-gap: warning: " << escape_control(warning) << '\n';
        }
      }
      const std::string resume = profile.resume.empty() ? "" : ", résumé " + escape_control(profile.resume_path);
      out += fmt::format("{}: valid ({} skills, {} degrees, {} certifications, {} achievements{})\n",
                         escape_control(path), profile.skills.size(), profile.education.size(),
                         profile.certifications.size(), profile.achievements.size(), resume);
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
  app.add_option("--from-resume", command.from_resume,
                 "Draft it from this résumé (.pdf, .docx, .odt, .md, .txt): name, role, years and the "
                 "qualifications it shows, each citing its line");
  add_common_options(app, common, {"text"}, false);
  app.footer(
      "Examples:\n  cio-gap init me.yaml\n  cio-gap init > me.yaml\n  cio-gap init --from-resume cv.pdf me.yaml");
}

namespace {

// The profile a résumé suggests, for the person to review.
std::string draft_from_resume(const std::string& path, const RuleSet& rules, const CommonOptions& common) {
  Profile profile;
  attach_resume(profile, path, common);
  const Extractor extractor(rules);
  const ResumeFacts facts = resume_facts(profile.resume_text, Segmenter(rules.vocabulary), current_year());
  return render_profile_draft(rules, facts, resume_evidence(profile.resume_text, extractor), path);
}

}  // namespace

int run_init(const ProfileCommand& command, const CommonOptions& common, const Streams& streams) {
  check_output(common, command.from_resume.empty() ? std::vector<std::string>{} : std::vector<std::string>{command.from_resume});
  const RuleSet rules = load_active_rules(common);
  const std::string text = command.from_resume.empty() ? render_profile_template(rules)
                                                       : draft_from_resume(command.from_resume, rules, common);
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
