#include <gtest/gtest.h>

#include "cio_gap/error.h"
#include "cio_gap/load/profile_loader.h"
#include "test_rules.h"

namespace cio_gap {
namespace {

std::string error_of(std::string_view yaml) {
  try {
    parse_profile("me.yaml", yaml, testing::test_rules());
  } catch (const Error& e) {
    return e.what();
  }
  return "no error";
}

TEST(ProfileTargetRolesTest, ListOrOneTitle) {
  const RuleSet rules = testing::test_rules();
  EXPECT_EQ(parse_profile("me.yaml", "target_roles: [Chief Information Officer, VP of IT]\n", rules).target_roles,
            (std::vector<std::string>{"Chief Information Officer", "VP of IT"}));
  EXPECT_EQ(parse_profile("me.yaml", "target_roles: CIO\n", rules).target_roles, (std::vector<std::string>{"CIO"}));
  EXPECT_TRUE(parse_profile("me.yaml", "target_roles:\n", rules).target_roles.empty());
  EXPECT_TRUE(parse_profile("me.yaml", "name: X\n", rules).target_roles.empty());
}

TEST(ProfileTargetRolesTest, BadEntriesNameTheSpot) {
  EXPECT_EQ(error_of("target_roles: {cio: yes}\n"), "me.yaml:1:15: target_roles must be a list of job titles");
  EXPECT_EQ(error_of("target_roles:\n  - CIO\n  - \"--\"\n"), "me.yaml:3:5: target_roles: '--' names no job title");
  EXPECT_EQ(error_of("target_role: [CIO]\n").find("me.yaml:1:1: unknown key 'target_role'"), 0u) << error_of("target_role: [CIO]\n");
}

}  // namespace
}  // namespace cio_gap
