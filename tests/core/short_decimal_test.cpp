// SPDX-License-Identifier: GPL-3.0-or-later
// The converting process's own readers of a cell's bytes (issue 20): each must give exactly what
// the general path it stands in for gives.
#include "core/ascii_bytes.h"
#include "core/byte_append.h"
#include "core/short_decimal.h"

#include <catch2/catch.hpp>

#include <charconv>
#include <cmath>
#include <cstring>
#include <random>
#include <string>

using namespace chronomap;

namespace {

/// parseShortDecimal gives from_chars' double, bit for bit, or leaves the text to it.
void requireSameAsFromChars(const std::string &text, bool shortForm)
{
    INFO('"' << text << '"');
    const auto fast = parseShortDecimal(text.data(), text.data() + text.size());
    REQUIRE(fast.has_value() == shortForm);
    if (!fast) return;
    double expected = 0;
    REQUIRE(std::from_chars(text.data(), text.data() + text.size(), expected, std::chars_format::fixed).ec ==
            std::errc());
    CHECK(std::signbit(*fast) == std::signbit(expected));
    CHECK(std::memcmp(&*fast, &expected, sizeof expected) == 0);
}

} // namespace

TEST_CASE("Short decimals read from bytes equal from_chars bit for bit, longer ones are left to it", "[io]")
{
    for (const char *text : {"0",
                             "-0",
                             "0.0",
                             "-0.0",
                             "1",
                             "-1",
                             "180",
                             "-180.000000",
                             "90.5",
                             "0.1",
                             "0.3",
                             "33.868820",
                             "-33.868820",
                             "151.209290",
                             "123456789012345",
                             "0.00000000000001",
                             "999999999999999",
                             "9.99999999999999",
                             "00000000000001.5",
                             "-12.75"})
        requireSameAsFromChars(text, true);
    // Too many digits (from_chars' own work), and anything that is not [-]digits[.digits].
    for (const char *text : {"1234567890123456", "0.1234567890123456", "0000000000000001.5",
                             "1234567890123456789012345", "-0.99999999999999999999999999", "0.000000000000001"})
        requireSameAsFromChars(text, false);
    for (const char *text : {"", "-", ".", "1.", ".5", "-.5", "+1", "1e5", "1.5e3", " 1", "1 ", "1,5", "--1", "0x10",
                             "inf", "nan", "1.2.3"}) {
        INFO('"' << text << '"');
        CHECK_FALSE(parseShortDecimal(text, text + std::strlen(text)));
    }

    // Every length and split of random digits, both signs: the rounding of each division.
    std::mt19937_64 random(20);
    for (int i = 0; i < 200000; ++i) {
        const int digits = 1 + int(random() % 15), fraction = int(random() % size_t(digits));
        std::string text = random() % 2 ? "-" : "";
        for (int d = 0; d < digits; ++d) {
            if (d == digits - fraction && fraction > 0) text += '.';
            text += char('0' + random() % 10);
        }
        requireSameAsFromChars(text, true);
    }
}

TEST_CASE("isAscii and trimmedAscii agree with Qt's checks for every byte, at every place and length", "[io]")
{
    for (int byte = 0; byte < 256; ++byte) {
        INFO("byte " << byte);
        for (int length = 1; length <= 19; ++length) {
            for (int at = 0; at < length; ++at) {
                std::string text(size_t(length), 'a');
                text[size_t(at)] = char(byte);
                const QByteArrayView view(text.data(), qsizetype(text.size()));
                REQUIRE(isAscii(view) == (byte < 0x80));
            }
        }
        // White space at either end or both, around a word and alone.
        for (const std::string &text :
             {std::string(1, char(byte)), std::string(1, char(byte)) + "ab", "ab" + std::string(1, char(byte)),
              std::string(2, char(byte)) + "a b" + std::string(3, char(byte))}) {
            const QByteArrayView view(text.data(), qsizetype(text.size()));
            const QByteArrayView ours = trimmedAscii(view), qts = view.trimmed();
            REQUIRE(ours.data() == qts.data());
            REQUIRE(ours.size() == qts.size());
        }
    }
    CHECK(isAscii(QByteArrayView()));
    CHECK(trimmedAscii(QByteArrayView()).isEmpty());
}

TEST_CASE("Appends claim room in place only when the array is its own, and keep the terminator", "[io]")
{
    QByteArray grown;
    grown.reserve(64);
    const char *const before = grown.constData();
    appendBytes(grown, QByteArrayView("tag"), QByteArrayView("value"));
    appendBytes(grown, QByteArrayView("!"));
    CHECK(grown == "tagvalue!");
    CHECK(grown.constData() == before); // in the room reserved
    CHECK(grown.constData()[grown.size()] == '\0');

    // Shared: the copy is detached first, the other keeps its bytes.
    QByteArray shared = grown;
    appendBytes(grown, QByteArrayView("more"));
    appendBytes(shared, QByteArrayView("ZZ"));
    CHECK(shared == "tagvalue!ZZ");
    CHECK(grown == "tagvalue!more");

    // Raw data is never written into, even where its buffer has bytes after the view.
    char raw[] = "abcdefgh";
    QByteArray borrowed = QByteArray::fromRawData(raw, 3);
    appendBytes(borrowed, QByteArrayView("XY"));
    CHECK(borrowed == "abcXY");
    CHECK(QByteArrayView(raw) == "abcdefgh");

    // Past the room reserved: Qt grows it.
    QByteArray full;
    for (int i = 0; i < 1000; ++i)
        appendBytes(full, QByteArrayView("0123456789"));
    CHECK(full.size() == 10'000);
    CHECK(full.endsWith("89"));
    CHECK(full.constData()[full.size()] == '\0');
    char *const at = extendBy(full, 0);
    CHECK(at == full.constData() + full.size());
}
