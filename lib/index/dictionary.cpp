// Compression dictionaries for the document data (dictionary.h).
#define ZDICT_STATIC_LINKING_ONLY
#include "index/dictionary.h"

#include <zdict.h>

#include <algorithm>
#include <charconv>
#include <cstdint>
#include <map>
#include <memory>
#include <mutex>
#include <string_view>

#include "data/hash.h"
#include "index/schema.h"

namespace tracuu::index {
namespace {

constexpr std::size_t kDictionaryBytes = 4 * 1024;
constexpr int kLevel = 3;  // document.cpp's level: a dictionary is digested for one level

// The dictionaries this process knows, by id. A dictionary's decompression tables are
// built the first time a frame names it (a search that shows no hit builds none).
struct Known {
  std::string bytes;
  std::unique_ptr<ZSTD_DDict, decltype(&ZSTD_freeDDict)> reading{nullptr, ZSTD_freeDDict};
};

struct Registry {
  std::mutex mutex;
  std::map<unsigned, Known> known;
  std::unique_ptr<ZSTD_CDict, decltype(&ZSTD_freeCDict)> writing{nullptr, ZSTD_freeCDict};
};

Registry& registry() {
  static Registry* r = new Registry;  // never destroyed: workers may outlive main's statics
  return *r;
}

unsigned id_of(std::string_view dictionary) {
  return static_cast<unsigned>(ZDICT_getDictID(dictionary.data(), dictionary.size()));
}

void know(Registry& r, const std::string& dictionary) {
  const unsigned id = id_of(dictionary);
  if (id != 0 && !r.known.count(id)) r.known[id].bytes = dictionary;
}

}  // namespace

std::string train_dictionary(const std::vector<std::string>& samples) {
  std::string joined;
  std::vector<std::size_t> sizes;
  for (const std::string& s : samples) {
    if (s.empty()) continue;
    joined += s;
    sizes.push_back(s.size());
  }
  if (sizes.size() < 8) return {};
  std::string dictionary(kDictionaryBytes, '\0');
  ZDICT_fastCover_params_t params{};
  params.d = 8;
  params.steps = 4;
  params.zParams.compressionLevel = kLevel;
  // The id from the samples, in the range zstd leaves to private dictionaries (32768 to
  // 2^31 - 1): the same files train the same dictionary, so an index does not depend on
  // when it was written.
  params.zParams.dictID = 32768 + static_cast<unsigned>(fnv1a(joined) % ((1u << 31) - 32768));
  const std::size_t n = ZDICT_optimizeTrainFromBuffer_fastCover(dictionary.data(), dictionary.size(), joined.data(),
                                                                 sizes.data(), static_cast<unsigned>(sizes.size()),
                                                                 &params);
  if (ZDICT_isError(n)) return {};
  dictionary.resize(n);
  return dictionary;
}

std::vector<unsigned> parse_ids(std::string_view stored) {
  std::vector<unsigned> ids;
  const char* at = stored.data();
  const char* const end = at + stored.size();
  for (unsigned id; at < end;) {
    const auto [next, ec] = std::from_chars(at, end, id);
    if (ec != std::errc()) break;
    ids.push_back(id);
    at = next + (next < end && *next == ' ');
  }
  return ids;
}

std::vector<unsigned> dictionary_ids(const Xapian::Database& db) {
  return parse_ids(db.get_metadata(kMetaDictionaries));
}

std::string stored_dictionary(const Xapian::Database& db) {
  const std::vector<unsigned> ids = dictionary_ids(db);
  return ids.empty() ? std::string() : db.get_metadata(kMetaDictionaryPrefix + std::to_string(ids.front()));
}

void store_dictionary(Xapian::WritableDatabase& db, const std::string& dictionary) {
  const unsigned id = id_of(dictionary);
  std::vector<unsigned> ids = dictionary_ids(db);
  if (std::find(ids.begin(), ids.end(), id) != ids.end()) return;
  db.set_metadata(kMetaDictionaryPrefix + std::to_string(id), dictionary);
  ids.insert(ids.begin(), id);
  db.set_metadata(kMetaDictionaries, join_ids(ids));
}

std::string join_ids(const std::vector<unsigned>& ids) {
  std::string out;
  for (const unsigned id : ids) out += (out.empty() ? "" : " ") + std::to_string(id);
  return out;
}

void register_dictionaries(const Xapian::Database& db) {
  Registry& r = registry();
  for (const unsigned id : dictionary_ids(db)) {
    {
      std::lock_guard lock(r.mutex);
      if (r.known.count(id)) continue;
    }
    const std::string dictionary = db.get_metadata(kMetaDictionaryPrefix + std::to_string(id));
    std::lock_guard lock(r.mutex);
    know(r, dictionary);
  }
}

void compress_with(const std::string& dictionary) {
  Registry& r = registry();
  std::lock_guard lock(r.mutex);
  r.writing.reset(dictionary.empty() ? nullptr : ZSTD_createCDict(dictionary.data(), dictionary.size(), kLevel));
  if (!dictionary.empty()) know(r, dictionary);
}

const ZSTD_CDict* writing_dictionary() {
  Registry& r = registry();
  std::lock_guard lock(r.mutex);
  return r.writing.get();
}

const ZSTD_DDict* reading_dictionary(unsigned id) {
  Registry& r = registry();
  std::lock_guard lock(r.mutex);
  const auto it = r.known.find(id);
  if (it == r.known.end()) return nullptr;
  Known& k = it->second;
  if (!k.reading) k.reading.reset(ZSTD_createDDict(k.bytes.data(), k.bytes.size()));
  return k.reading.get();
}

}  // namespace tracuu::index
