// write_file_atomically: whole files or none, no temporary left behind, errors naming the path.
#include "output/atomic_file.hpp"

#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <iterator>
#include <set>
#include <sstream>
#include <string>
#include <system_error>

#include <unistd.h>

namespace careflow::output {
namespace {

namespace fs = std::filesystem;

class AtomicFile : public ::testing::Test {
protected:
    void SetUp() override {
        const auto* info = ::testing::UnitTest::GetInstance()->current_test_info();
        dir_ = fs::temp_directory_path() /
               ("careflow-atomic-" + std::to_string(::getpid()) + "-" + info->name());
        fs::remove_all(dir_);
        fs::create_directories(dir_);
    }
    void TearDown() override {
        std::error_code ignored;
        fs::permissions(dir_, fs::perms::owner_all, fs::perm_options::add, ignored);
        fs::remove_all(dir_, ignored);
    }

    [[nodiscard]] std::set<std::string> entries() const {
        std::set<std::string> names;
        for (const auto& entry : fs::recursive_directory_iterator(dir_)) {
            names.insert(fs::relative(entry.path(), dir_).string());
        }
        return names;
    }

    fs::path dir_;
};

std::string read_file(const fs::path& path) {
    std::ifstream in(path, std::ios::binary);
    return {std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
}

std::string expected_message(const fs::path& path, std::errc code) {
    return std::system_error(std::make_error_code(code), "cannot write '" + path.string() + "'")
        .what();
}

// Runs the write, expecting a system_error; returns it for whole-value checks.
std::system_error failure_of(const fs::path& path) {
    try {
        write_file_atomically(path, "data\n");
    } catch (const std::system_error& e) {
        return e;
    }
    ADD_FAILURE() << "no exception writing " << path;
    return std::system_error(std::error_code{});
}

TEST_F(AtomicFile, WritesTheBytesAndLeavesNoTemporaryFile) {
    const std::string bytes = std::string("a,b\n1,2\n") + '\0' + "tail";
    write_file_atomically(dir_ / "out.csv", bytes);
    EXPECT_EQ(read_file(dir_ / "out.csv"), bytes);
    EXPECT_EQ(entries(), std::set<std::string>{"out.csv"});
}

TEST_F(AtomicFile, ReplacesAnExistingFileWhole) {
    write_file_atomically(dir_ / "out.csv", "a much longer first version\n");
    write_file_atomically(dir_ / "out.csv", "short\n");
    EXPECT_EQ(read_file(dir_ / "out.csv"), "short\n");
    EXPECT_EQ(entries(), std::set<std::string>{"out.csv"});
}

TEST_F(AtomicFile, WritesAnEmptyFile) {
    write_file_atomically(dir_ / "empty.txt", "");
    EXPECT_EQ(read_file(dir_ / "empty.txt"), "");
    EXPECT_EQ(entries(), std::set<std::string>{"empty.txt"});
}

TEST_F(AtomicFile, ThrowsNamingThePathWhenTheDirectoryDoesNotExist) {
    const fs::path target = dir_ / "missing" / "summary.csv";
    const std::system_error e = failure_of(target);
    EXPECT_EQ(e.code(), std::errc::no_such_file_or_directory);
    EXPECT_EQ(std::string(e.what()),
              expected_message(target, std::errc::no_such_file_or_directory));
    EXPECT_EQ(entries(), std::set<std::string>{});
}

TEST_F(AtomicFile, ThrowsNamingThePathWhenTheParentIsARegularFile) {
    write_file_atomically(dir_ / "plain", "x");
    const fs::path target = dir_ / "plain" / "summary.csv";
    const std::system_error e = failure_of(target);
    EXPECT_EQ(std::string(e.what()), expected_message(target, std::errc::not_a_directory));
    EXPECT_EQ(entries(), std::set<std::string>{"plain"});
}

// Works as root too, unlike a read-only directory: nothing can be created under a file.
TEST_F(AtomicFile, ThrowsAndLeavesNoFileWhenTheParentIsAFile) {
    { std::ofstream(dir_ / "plain") << "x"; }
    const fs::path target = dir_ / "plain" / "summary.csv";
    const std::system_error e = failure_of(target);
    EXPECT_EQ(std::string(e.what()), expected_message(target, std::errc::not_a_directory));
    EXPECT_EQ(entries(), std::set<std::string>{"plain"});
}

// Here the temporary file is written in full and only the rename fails.
TEST_F(AtomicFile, RemovesTheTemporaryFileWhenTheRenameFails) {
    fs::create_directory(dir_ / "taken");
    fs::create_directory(dir_ / "taken" / "child");
    const fs::path target = dir_ / "taken";
    const std::system_error e = failure_of(target);
    EXPECT_EQ(std::string(e.what()), expected_message(target, std::errc::is_a_directory));
    EXPECT_EQ(entries(), (std::set<std::string>{"taken", "taken/child"}));
}

}  // namespace
}  // namespace careflow::output
