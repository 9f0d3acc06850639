// End-to-end: sharded ingest, remote shards served by xapian-tcpsrv on loopback, and
// compaction all answer exactly as one local database of the same corpus: same ranked
// paths for word, phrase, field and date queries, same facets, same listings. A shard
// server that is down is an error naming it, or with --partial a warning.
#include <doctest/doctest.h>

#include <arpa/inet.h>
#include <netinet/in.h>
#include <signal.h>
#include <sys/socket.h>
#include <unistd.h>

#include <algorithm>
#include <chrono>
#include <cstdlib>
#include <thread>

#include "harness.h"

using nlohmann::json;

namespace {

bool have_tcpsrv() { return std::system("command -v xapian-tcpsrv >/dev/null 2>&1") == 0; }

bool port_open(int port) {
  const int fd = socket(AF_INET, SOCK_STREAM, 0);
  sockaddr_in addr{};
  addr.sin_family = AF_INET;
  addr.sin_port = htons(static_cast<uint16_t>(port));
  addr.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
  const bool ok = connect(fd, reinterpret_cast<sockaddr*>(&addr), sizeof addr) == 0;
  close(fd);
  return ok;
}

// A xapian-tcpsrv on a free loopback port, stopped at scope exit.
struct Server {
  int pid = -1;
  int port = 0;
  explicit Server(const std::string& db) {
    for (int attempt = 0; attempt < 20 && pid < 0; ++attempt) {
      port = 20000 + (getpid() * 7 + attempt * 131) % 30000;
      if (port_open(port)) continue;
      pid = e2e::spawn_program("xapian-tcpsrv", {"--interface", "127.0.0.1", "--port", std::to_string(port), db});
      for (int i = 0; i < 100 && !port_open(port); ++i) std::this_thread::sleep_for(std::chrono::milliseconds(50));
      if (!port_open(port)) {
        kill(-pid, SIGTERM);
        e2e::wait_for(pid);
        pid = -1;
      }
    }
    REQUIRE(pid > 0);
  }
  void stop() {
    if (pid > 0) {
      kill(-pid, SIGTERM);  // the server and the children it forked per connection
      e2e::wait_for(pid);
      pid = -1;
    }
  }
  ~Server() { stop(); }
};

json search(const std::string& db, const std::string& query, std::vector<std::string> extra = {}) {
  std::vector<std::string> args{"search", "--db", db, "--format", "json", "--limit", "100"};
  args.insert(args.end(), extra.begin(), extra.end());
  args.push_back(query);
  const auto r = e2e::tracuu(args);
  INFO("db: " << db << " query: " << query << "\nstderr: " << r.err);
  REQUIRE(r.code == 0);
  return json::parse(r.out);
}

// What must agree between layouts: ranked paths, scores (global statistics), facets.
json answer(const std::string& db, const std::string& query, std::vector<std::string> extra = {}) {
  const json r = search(db, query, extra);
  json out = json::array();
  for (const auto& hit : r["results"]) out.push_back({hit["path"], std::round(hit["score"].get<double>() * 1e6)});
  return {{"hits", out}, {"total", r["total_estimate"]}, {"facets", r.value("facets", json())}};
}

json listing(const std::string& db, const char* command) {
  const auto r = e2e::tracuu({command, "--db", db, "--format", "json"});
  REQUIRE(r.code == 0);
  return json::parse(r.out);
}

const std::vector<std::string> kQueries{
    "bo cong an", "\"an ninh to quoc\"", "Bộ Công an AND year:2020", "ref:09-ct/tw", "official:\"Nguyễn Văn Khải\"",
    "kind:nghi-quyet OR kind:chi-thi", "date:2015-01-01..2020-12-31", "ANTQ", "hội nghị NOT Hà Nội", "title:công an"};

}  // namespace

TEST_CASE("shards: local shards, remote shards and a compacted index answer like one database") {
  if (!have_tcpsrv()) {
    MESSAGE("xapian-tcpsrv not installed (Debian xapian-tools): skipped");
    return;
  }
  e2e::TempDir dir;
  const std::string corpus = (e2e::source_dir() / "data/samples").string();
  const std::string fixtures = (e2e::source_dir() / "tests/fixtures/articles").string();
  const std::string single = (dir / "single").string(), sharded = (dir / "sharded").string();
  REQUIRE(e2e::tracuu({"ingest", "--db", single, "--quiet", corpus, fixtures}).code == 0);
  const auto made = e2e::tracuu({"ingest", "--db", sharded, "--shards", "2", "--format", "json", corpus, fixtures});
  REQUIRE(made.code == 0);
  CHECK(json::parse(made.out)["shards"] == 2);
  CHECK(std::filesystem::exists(dir / "sharded/XAPIANDB"));

  Server one((dir / "sharded/shard-00").string()), two((dir / "sharded/shard-01").string());
  const std::string stub = (dir / "remote.stub").string();
  e2e::write_file(stub, "remote 127.0.0.1:" + std::to_string(one.port) + "\nremote 127.0.0.1:" +
                            std::to_string(two.port) + "\n");

  for (const auto& q : kQueries) {
    CAPTURE(q);
    const json expected = answer(single, q, {"--facets"});
    CHECK(!expected["hits"].empty());
    CHECK(answer(sharded, q, {"--facets"}) == expected);
    CHECK(answer(stub, q, {"--facets"}) == expected);
  }
  CHECK(answer(stub, "an ninh", {"--sort", "newest"}) == answer(single, "an ninh", {"--sort", "newest"}));
  // A range of dates is matched as year and month terms on every layout, so a dated
  // query's percentages are its words' alike (Xapian took a range itself for a matched
  // part of the query, and every hit said 100%).
  const auto percents = [&](const std::string& db) {
    const json found = search(db, "an ninh date:2015-01-01..2020-12-31");
    json out = json::array();
    for (const auto& hit : found["results"]) out.push_back(hit["percent"]);
    return out;
  };
  const json single_percents = percents(single);
  CHECK(percents(stub) == single_percents);
  CHECK(percents(sharded) == single_percents);
  CHECK(std::any_of(single_percents.begin(), single_percents.end(), [](const json& p) { return p != 100; }));
  for (const char* command : {"refs", "officials"}) {
    CAPTURE(command);
    CHECK(listing(stub, command) == listing(single, command));
    CHECK(listing(sharded, command) == listing(single, command));
  }
  CHECK(listing(stub, "stats")["documents"] == listing(single, "stats")["documents"]);

  // A server that is down: an error naming it, or with --partial the rest and a warning.
  two.stop();
  const auto down = e2e::tracuu({"search", "--db", stub, "bo cong an"});
  CHECK(down.code == 2);
  CHECK(down.err.find("127.0.0.1:" + std::to_string(two.port)) != std::string::npos);
  const auto partial = e2e::tracuu({"search", "--db", stub, "--partial", "--format", "json", "bo cong an"});
  CHECK(partial.code == 0);
  CHECK(partial.err.find("warning:") != std::string::npos);
  const json rest = json::parse(partial.out);
  CHECK(rest["warnings"].size() == 1);
  CHECK(rest["results"].size() < search(single, "bo cong an")["results"].size());
  one.stop();

  // Compaction merges the shards and answers the same, in place or into a new directory.
  const auto into = e2e::tracuu({"compact", "--db", sharded, "--into", (dir / "merged").string()});
  REQUIRE(into.code == 0);
  const auto swap = e2e::tracuu({"compact", "--db", sharded, "--format", "json"});
  REQUIRE(swap.code == 0);
  CHECK(json::parse(swap.out)["swapped"] == true);
  for (const auto& q : kQueries) {
    CAPTURE(q);
    const json expected = answer(single, q, {"--facets"});
    CHECK(answer(sharded, q, {"--facets"}) == expected);
    CHECK(answer((dir / "merged").string(), q, {"--facets"}) == expected);
  }
  // The compacted index takes further ingests.
  const auto again = e2e::tracuu({"ingest", "--db", sharded, "--format", "json", corpus, fixtures});
  REQUIRE(again.code == 0);
  CHECK(json::parse(again.out)["unchanged"] == json::parse(made.out)["added"]);
}
