// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/io/id_set.h"

#include <catch2/catch.hpp>

namespace {

QByteArray idText(int n)
{
    return "ev-" + QByteArray::number(n);
}

} // namespace

TEST_CASE("The id set finds every repeated id and only those as it grows past what was reserved")
{
    const int reserved = GENERATE(0, 1000, 200'000);
    chronomap::IdSet ids;
    ids.reserve(reserved);
    const int count = 300'000;
    int added = 0, refused = 0;
    for (int n = 0; n < count; ++n) {
        ids.prefetch(idText(n + 8)); // as the converter looks ahead: a hint that changes nothing
        if (ids.insert(QByteArrayView(idText(n)))) ++added;
        if (n % 3 == 0 && !ids.insert(QByteArrayView(idText(n / 2)))) ++refused; // an earlier id again
    }
    CHECK(added == count);
    CHECK(refused == (count + 2) / 3);
    // The same ids as UTF-16 are the same ids; a new one with non-ASCII text is new once.
    CHECK_FALSE(ids.insert(QStringView(u"ev-12345")));
    CHECK(ids.insert(QStringView(u"ev-\u00e9")));
    CHECK_FALSE(ids.insert(QByteArrayView("ev-\xc3\xa9")));
}
