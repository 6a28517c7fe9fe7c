// SPDX-License-Identifier: GPL-3.0-or-later
// libFuzzer: field mapping. The first line is a mapping as given on the command line
// (`start=Fecha,title=Titular`), the other lines are a file's column names.
#include "core/io/field_mapping.h"

#include <QString>
#include <QStringList>

#include <cstddef>
#include <cstdint>
#include <cstdlib>

using namespace chronomap;

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    const QString text = QString::fromUtf8(reinterpret_cast<const char *>(data), qsizetype(size));
    QStringList lines = text.split(u'\n');
    const QString mappingText = lines.takeFirst();
    FieldMapping explicitMapping;
    QString error;
    if (!FieldMapping::parse(mappingText, &explicitMapping, &error)) {
        if (error.isEmpty()) std::abort(); // a refusal always says why
        explicitMapping = {};
    }
    const FieldMapping detected = FieldMapping::detect(lines, explicitMapping);
    for (FieldRole role : allFieldRoles()) {
        // An explicit mapping wins over detection.
        if (explicitMapping.has(role) && detected.column(role) != explicitMapping.column(role)) std::abort();
        (void)toString(role);
    }
    return 0;
}
