#include "cli_docs.h"

#include <fmt/format.h>

#include <sstream>
#include <vector>

namespace cio_gap::cli {
namespace {

// A command and the words that reach it: {"rules", "test"}.
struct CommandEntry {
  const CLI::App* app;
  std::vector<std::string> path;
};

void collect(const CLI::App& app, std::vector<std::string> path, std::vector<CommandEntry>& out) {
  for (const CLI::App* sub : app.get_subcommands({})) {
    auto sub_path = path;
    sub_path.push_back(sub->get_name());
    out.push_back({sub, sub_path});
    collect(*sub, sub_path, out);
  }
}

std::vector<CommandEntry> commands_of(const CLI::App& app) {
  std::vector<CommandEntry> out;
  collect(app, {}, out);
  return out;
}

std::string join(const std::vector<std::string>& words, const std::string& separator) {
  std::string out;
  for (const auto& word : words) out += (out.empty() ? "" : separator) + word;
  return out;
}

bool is_leaf(const CLI::App& app) { return app.get_subcommands({}).empty(); }

std::vector<const CLI::Option*> named_options(const CLI::App& app) {
  return app.get_options([](const CLI::Option* option) { return !option->get_positional(); });
}

std::vector<const CLI::Option*> positionals(const CLI::App& app) {
  return app.get_options([](const CLI::Option* option) { return option->get_positional(); });
}

// Flags take no value; CLI11 gives them no type name. A flag with an optional value
// (`--fail-on-drop[=any]`) says so in its option text, and is completed as a flag.
bool takes_value(const CLI::Option* option) {
  return !option->get_type_name().empty() && option->get_option_text().empty();
}

// "--format", "-f": every name of an option.
std::vector<std::string> names(const CLI::Option* option) {
  std::vector<std::string> out;
  for (const auto& name : option->get_lnames()) out.push_back("--" + name);
  for (const auto& name : option->get_snames()) out.push_back("-" + name);
  return out;
}

// The values an option accepts when they are a fixed set: CLI11 writes them in the type name,
// "TEXT:{text,json,markdown}".
std::vector<std::string> choices(const CLI::Option* option) {
  const std::string type = option->get_type_name();
  const auto open = type.find('{');
  const auto close = type.find('}', open);
  if (open == std::string::npos || close == std::string::npos) return {};
  std::vector<std::string> out;
  std::istringstream list(type.substr(open + 1, close - open - 1));
  for (std::string value; std::getline(list, value, ',');) out.push_back(value);
  return out;
}

// The value's kind without its choices: "TEXT", "INT".
std::string value_name(const CLI::Option* option) {
  std::string type = option->get_type_name();
  type = type.substr(0, type.find(':'));
  return type.empty() ? "VALUE" : type;
}

std::string synopsis(const CommandEntry& entry) {
  std::string out = "cio-gap " + join(entry.path, " ");
  if (!is_leaf(*entry.app)) return out + " COMMAND";
  out += " [OPTIONS]";
  for (const CLI::Option* option : positionals(*entry.app)) {
    std::string word = option->get_name();
    if (option->get_items_expected_max() > 1) word += "...";
    out += " " + (option->get_required() ? word : "[" + word + "]");
  }
  return out;
}

// roff: a backslash is \e, a hyphen \-, and a line must not start with a control character.
std::string roff(const std::string& text) {
  std::string out;
  bool line_start = true;
  for (const char c : text) {
    if (line_start && (c == '.' || c == '\'')) out += "\\&";
    if (c == '\\') {
      out += "\\e";
    } else if (c == '-') {
      out += "\\-";
    } else {
      out += c;
    }
    line_start = c == '\n';
  }
  return out;
}

// Text for a single-quoted shell word: ' becomes '\''.
std::string shell_quoted(const std::string& text) {
  std::string out = "'";
  for (const char c : text) out += c == '\'' ? std::string("'\\''") : std::string(1, c);
  return out + "'";
}

// A zsh _arguments description: brackets and colons have meanings there.
std::string zsh_description(const std::string& text) {
  std::string out;
  for (const char c : text) {
    if (c == '[' || c == ']' || c == ':' || c == '\\') out += '\\';
    out += c;
  }
  return out;
}

std::string fish_condition(const std::vector<std::string>& path, const std::vector<std::string>& siblings) {
  if (path.empty()) return "__fish_use_subcommand";
  std::string condition;
  for (const auto& word : path) {
    condition += (condition.empty() ? "" : "; and ") + std::string("__fish_seen_subcommand_from ") + word;
  }
  if (!siblings.empty()) condition += "; and not __fish_seen_subcommand_from " + join(siblings, " ");
  return condition;
}

std::vector<std::string> subcommand_names(const CLI::App& app) {
  std::vector<std::string> out;
  for (const CLI::App* sub : app.get_subcommands({})) out.push_back(sub->get_name());
  return out;
}

}  // namespace

std::string man_page(const CLI::App& app, const std::string& version) {
  std::string out = fmt::format(".TH CIO\\-GAP 1 \"\" \"cio-gap {}\" \"User Commands\"\n", version);
  std::string summary = app.get_description();
  if (summary.starts_with("cio-gap: ")) summary = summary.substr(9);
  out += ".SH NAME\ncio\\-gap \\- " + roff(summary) + "\n";
  out += ".SH SYNOPSIS\n";
  for (const auto& entry : commands_of(app)) {
    if (is_leaf(*entry.app)) out += ".B " + roff(synopsis(entry)) + "\n.br\n";
  }
  out += ".SH DESCRIPTION\n"
         "cio\\-gap reads a YAML self\\-assessment and a folder of job postings, finds the qualifications the "
         "roles demand, and reports which ones the person lacks, each with the sentence of the posting it came "
         "from and a next step. It works offline.\n";
  out += ".SH OPTIONS\n";
  for (const CLI::Option* option : named_options(app)) {
    out += ".TP\n\\fB" + roff(join(names(option), ", ")) + "\\fR\n" + roff(option->get_description()) + "\n";
  }
  out += ".SH COMMANDS\n";
  for (const auto& entry : commands_of(app)) {
    const CLI::App& command = *entry.app;
    out += ".SS \"" + roff(synopsis(entry)) + "\"\n" + roff(command.get_description()) + "\n";
    for (const CLI::Option* option : positionals(command)) {
      out += ".TP\n.I " + roff(option->get_name()) + "\n" + roff(option->get_description()) + "\n";
    }
    for (const CLI::Option* option : named_options(command)) {
      if (option->get_lnames() == std::vector<std::string>{"help"}) continue;
      std::string head = "\\fB" + roff(join(names(option), ", ")) + "\\fR";
      if (takes_value(option)) head += " \\fI" + roff(value_name(option)) + "\\fR";
      if (!option->get_option_text().empty()) head += roff(option->get_option_text());
      out += ".TP\n" + head + "\n" + roff(option->get_description());
      if (const auto values = choices(option); !values.empty()) out += " (" + roff(join(values, ", ")) + ")";
      out += "\n";
    }
    if (!command.get_footer().empty()) out += ".PP\n.nf\n" + roff(command.get_footer()) + "\n.fi\n";
  }
  out += ".SH EXIT STATUS\n"
         ".TP\n0\nSuccess (also when the reader of standard output closes it early, as \\fBhead\\fR does).\n"
         ".TP\n1\nA threshold you set was not met: \\-\\-fail\\-under, \\-\\-fail\\-on\\-gap, a failing rule "
         "example, diff \\-\\-fail\\-on\\-drop.\n"
         ".TP\n2\nA usage or input error: a bad option, an unreadable or malformed file, no postings found, a "
         "write error.\n";
  out += ".SH ENVIRONMENT\n"
         ".TP\nNO_COLOR\nWhen set and not empty, no colour (as \\-\\-color never) unless \\-\\-color always.\n"
         ".TP\nTERM\n\\fBdumb\\fR means no colour.\n"
         ".TP\nCOLUMNS\nThe terminal's width for text output (at most 100 columns are used).\n"
         ".TP\nSOURCE_DATE_EPOCH\nThe date a report and a drafted profile use, for reproducible output.\n";
  out += ".SH FILES\n"
         ".TP\n/usr/share/cio\\-gap/schema/cio\\-gap.schema.json\nThe JSON Schema of every JSON output.\n"
         ".TP\n/usr/share/doc/cio\\-gap/examples/\nAn example profile and postings.\n";
  out += ".SH SEE ALSO\n\\fBjq\\fR(1)\n";
  return out;
}

std::string bash_completion(const CLI::App& app) {
  std::string out =
      "# bash completion for cio-gap, written from its command definitions.\n"
      "_cio_gap() {\n"
      "  local cur=${COMP_WORDS[COMP_CWORD]} prev=${COMP_WORDS[COMP_CWORD-1]} path=\"\" word i\n"
      "  # The command path so far: the words before the cursor that name commands.\n"
      "  for ((i = 1; i < COMP_CWORD; i++)); do\n"
      "    word=${COMP_WORDS[i]}\n"
      "    case \"$path $word\" in\n";
  for (const auto& entry : commands_of(app)) {
    std::vector<std::string> parent(entry.path.begin(), entry.path.end() - 1);
    out += "      " + shell_quoted(join(parent, " ") + " " + entry.path.back()) + ") path=\"" + join(entry.path, " ") +
           "\" ;;\n";
  }
  out += "    esac\n"
         "  done\n"
         "  local commands=\"\" options=\"\"\n"
         "  case \"$path\" in\n";
  std::vector<CommandEntry> all = commands_of(app);
  all.insert(all.begin(), CommandEntry{&app, {}});
  for (const auto& entry : all) {
    std::vector<std::string> option_names;
    for (const CLI::Option* option : named_options(*entry.app)) {
      for (const auto& name : names(option)) option_names.push_back(name);
    }
    out += "    " + shell_quoted(join(entry.path, " ")) + ") commands=" + shell_quoted(join(subcommand_names(*entry.app), " ")) +
           " options=" + shell_quoted(join(option_names, " ")) + "\n";
    // Values of options that take one of a fixed set.
    std::string cases;
    for (const CLI::Option* option : named_options(*entry.app)) {
      const auto values = choices(option);
      if (values.empty()) continue;
      cases += "        " + join(names(option), "|") + ") COMPREPLY=($(compgen -W " + shell_quoted(join(values, " ")) +
               " -- \"$cur\")); return ;;\n";
    }
    if (!cases.empty()) out += "      case \"$prev\" in\n" + cases + "      esac\n";
    out += "      ;;\n";
  }
  out += "  esac\n"
         "  if [[ $cur == -* ]]; then\n"
         "    COMPREPLY=($(compgen -W \"$options\" -- \"$cur\"))\n"
         "  elif [[ -n $commands ]]; then\n"
         "    COMPREPLY=($(compgen -W \"$commands\" -- \"$cur\"))\n"
         "  else\n"
         "    COMPREPLY=($(compgen -f -- \"$cur\"))\n"
         "  fi\n"
         "}\n"
         "complete -o filenames -F _cio_gap cio-gap\n";
  return out;
}

std::string zsh_completion(const CLI::App& app) {
  std::string out =
      "#compdef cio-gap\n"
      "# zsh completion for cio-gap, written from its command definitions.\n";
  std::vector<CommandEntry> all = commands_of(app);
  all.insert(all.begin(), CommandEntry{&app, {}});
  for (const auto& entry : all) {
    const std::string function = "_cio_gap" + (entry.path.empty() ? "" : "_" + join(entry.path, "_"));
    out += function + "() {\n";
    std::string specs;
    for (const CLI::Option* option : named_options(*entry.app)) {
      for (const auto& name : names(option)) {
        std::string spec = name + "[" + zsh_description(option->get_description()) + "]";
        if (takes_value(option)) {
          const auto values = choices(option);
          spec += ":" + zsh_description(value_name(option)) + ":" + (values.empty() ? "_files" : "(" + join(values, " ") + ")");
        }
        specs += "    " + shell_quoted(spec) + " \\\n";
      }
    }
    if (is_leaf(*entry.app)) {
      out += "  _arguments -s \\\n" + specs + "    '*:file:_files'\n}\n";
      continue;
    }
    out += "  local -a commands\n  commands=(\n";
    for (const CLI::App* sub : entry.app->get_subcommands({})) {
      out += "    " + shell_quoted(sub->get_name() + ":" + zsh_description(sub->get_description())) + "\n";
    }
    out += "  )\n"
           "  local curcontext=$curcontext state line\n"
           "  _arguments -C \\\n" + specs +
           "    '1:command:->command' \\\n"
           "    '*::argument:->argument'\n"
           "  case $state in\n"
           "    command) _describe -t commands command commands ;;\n"
           "    argument) (( $+functions[" + function + "_$line[1]] )) && " + function + "_$line[1] ;;\n"
           "  esac\n"
           "}\n";
  }
  out += "_cio_gap \"$@\"\n";
  return out;
}

std::string fish_completion(const CLI::App& app) {
  std::string out = "# fish completions for cio-gap, written from its command definitions.\n";
  out += "complete -c cio-gap -f\n";
  std::vector<CommandEntry> all = commands_of(app);
  all.insert(all.begin(), CommandEntry{&app, {}});
  for (const auto& entry : all) {
    const std::vector<std::string> subs = subcommand_names(*entry.app);
    const std::string condition = fish_condition(entry.path, subs);
    for (const CLI::App* sub : entry.app->get_subcommands({})) {
      out += "complete -c cio-gap -n " + shell_quoted(condition) + " -a " + sub->get_name() + " -d " +
             shell_quoted(sub->get_description()) + "\n";
    }
    for (const CLI::Option* option : named_options(*entry.app)) {
      std::string line = "complete -c cio-gap -n " + shell_quoted(condition);
      for (const auto& name : option->get_lnames()) line += " -l " + name;
      for (const auto& name : option->get_snames()) line += " -s " + name;
      if (takes_value(option)) {
        const auto values = choices(option);
        line += values.empty() ? " -r -F" : " -x -a " + shell_quoted(join(values, " "));
      }
      out += line + " -d " + shell_quoted(option->get_description()) + "\n";
    }
    if (is_leaf(*entry.app) && !positionals(*entry.app).empty()) {
      out += "complete -c cio-gap -n " + shell_quoted(condition) + " -F\n";
    }
  }
  return out;
}

}  // namespace cio_gap::cli
