// SPDX-License-Identifier: GPL-3.0-or-later
// Lets Catch print QStrings in failed assertions instead of "{?}".
#pragma once

#include <QString>

#include <catch2/catch.hpp>

namespace Catch {
template<> struct StringMaker<QString> {
    static std::string convert(const QString &value) { return '"' + value.toStdString() + '"'; }
};
} // namespace Catch
