// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/model/record_json.h"

#include "core/byte_append.h"

#include <QJsonDocument>

#include <algorithm>
#include <charconv>
#include <cmath>

namespace chronomap::RecordJson {

namespace {

constexpr char kQuantity[] = "quantity";
constexpr char kQuantityEs[] = "quantity_es";
constexpr char kValue[] = "value";
constexpr char kUnit[] = "unit";
constexpr char kSource[] = "source";
constexpr char kAsOf[] = "as_of";
constexpr char kNote[] = "note";
constexpr char kNoteEs[] = "note_es";
constexpr char kPublished[] = "published";
constexpr char kLanguage[] = "language";
constexpr char kId[] = "id";
constexpr char kRelation[] = "relation";

bool isAscii(QStringView text)
{
    return std::all_of(text.begin(), text.end(), [](QChar c) { return c.unicode() < 0x80; });
}

/// A byte JSON takes as it is inside a string: not a quote, a backslash or a control character.
bool needsNoEscape(char c)
{
    return c != '"' && c != '\\' && quint8(c) >= 0x20;
}

/// Writes a compact JSON object member by member, leaving out empty text and absent numbers.
class JsonObjectWriter {
public:
    explicit JsonObjectWriter(QByteArray &out) : m_out(out) { m_out.append('{'); }
    ~JsonObjectWriter() { m_out.append('}'); }
    JsonObjectWriter(const JsonObjectWriter &) = delete;
    JsonObjectWriter &operator=(const JsonObjectWriter &) = delete;

    void add(const char *key, const QString &value)
    {
        if (value.isEmpty()) return;
        member(key);
        if (isAscii(value)) { // the same bytes, without a UTF-8 temporary
            m_out.append('"');
            for (const QChar c : value)
                appendCharacter(char(c.unicode()));
            m_out.append('"');
            return;
        }
        appendString(value.toUtf8());
    }
    void addUtf8(const char *key, QByteArrayView value)
    {
        if (value.isEmpty()) return;
        member(key);
        appendString(value);
    }
    void add(const char *key, std::optional<double> value)
    {
        if (!value || !std::isfinite(*value)) return; // JSON has no NaN or infinity: read back as absent
        member(key);
        char digits[32];
        const auto end = std::to_chars(digits, digits + sizeof digits, *value).ptr; // shortest round trip
        m_out.append(digits, end - digits);
    }

private:
    void member(const char *key)
    {
        if (!m_first) m_out.append(',');
        m_first = false;
        appendString(QByteArrayView(key));
        m_out.append(':');
    }
    void appendString(QByteArrayView utf8)
    {
        m_out.append('"');
        // The runs that need no escape in one append each: an append per byte was most of what
        // a CSV record's source cost the loader (profiled with callgrind).
        const char *run = utf8.begin();
        for (const char *p = utf8.begin(); p != utf8.end(); ++p) {
            if (needsNoEscape(*p)) continue;
            m_out.append(run, p - run);
            appendCharacter(*p);
            run = p + 1;
        }
        m_out.append(run, utf8.end() - run);
        m_out.append('"');
    }
    void appendCharacter(char c)
    {
        if (c == '"' || c == '\\') {
            m_out.append('\\').append(c);
        } else if (quint8(c) < 0x20) {
            static const char hex[] = "0123456789abcdef";
            const char escaped[] = {'\\', 'u', '0', '0', hex[(c >> 4) & 1], hex[c & 15]};
            m_out.append(escaped, sizeof escaped);
        } else {
            m_out.append(c);
        }
    }

    QByteArray &m_out;
    bool m_first = true;
};

template<typename T> QJsonArray arrayOf(const QList<T> &items)
{
    QJsonArray array;
    for (const T &item : items)
        array.append(toJson(item));
    return array;
}

} // namespace

Claim claimFromJson(const QJsonObject &o, bool *valueIsBad)
{
    Claim c;
    c.quantity = o.value(kQuantity).toString();
    c.quantityEs = o.value(kQuantityEs).toString();
    c.unit = o.value(kUnit).toString();
    const QJsonValue source = o.value(kSource);
    if (source.isDouble() && source.toDouble() >= 0 && source.toDouble() == std::floor(source.toDouble()) &&
        source.toDouble() < 1e6)
        c.sourceIndex = int(source.toDouble());
    else
        c.source = source.toString();
    c.asOf = o.value(kAsOf).toString();
    c.note = o.value(kNote).toString();
    c.noteEs = o.value(kNoteEs).toString();
    const QJsonValue value = o.value(kValue);
    if (value.isDouble())
        c.value = value.toDouble();
    else if (valueIsBad)
        *valueIsBad = !value.isNull() && !value.isUndefined();
    return c;
}

Source sourceFromJson(const QJsonObject &o)
{
    return {o.value(kName).toString(), o.value(kUrl).toString(), o.value(kPublished).toString(),
            o.value(kLanguage).toString()};
}

Related relatedFromJson(const QJsonObject &o)
{
    return {o.value(kId).toString(), o.value(kRelation).toString()};
}

Source sourceFromText(const QString &item)
{
    const bool isUrl = item.startsWith(u"http://") || item.startsWith(u"https://");
    return Source{isUrl ? QString() : item, isUrl ? item : QString(), {}, {}};
}

QJsonObject toJson(const Claim &c)
{
    QJsonObject o{{kQuantity, c.quantity},
                  {kValue, c.value ? QJsonValue(*c.value) : QJsonValue()},
                  {kUnit, c.unit},
                  {kAsOf, c.asOf},
                  {kNote, c.note}};
    o.insert(kSource, c.sourceIndex >= 0 ? QJsonValue(c.sourceIndex) : QJsonValue(c.source));
    if (!c.quantityEs.isEmpty()) o.insert(kQuantityEs, c.quantityEs);
    if (!c.noteEs.isEmpty()) o.insert(kNoteEs, c.noteEs);
    return o;
}

QJsonObject toJson(const Source &s)
{
    return {{kName, s.name}, {kUrl, s.url}, {kPublished, s.published}, {kLanguage, s.language}};
}

QJsonObject toJson(const Related &r)
{
    return {{kId, r.id}, {kRelation, r.relation}};
}

QJsonArray toJsonArray(const QList<Claim> &claims)
{
    return arrayOf(claims);
}

QJsonArray toJsonArray(const QList<Source> &sources)
{
    return arrayOf(sources);
}

QJsonArray toJsonArray(const QList<Related> &related)
{
    return arrayOf(related);
}

QByteArray toJsonText(const QList<Claim> &claims)
{
    return QJsonDocument(toJsonArray(claims)).toJson(QJsonDocument::Compact);
}

QByteArray toJsonText(const QList<Source> &sources)
{
    return QJsonDocument(toJsonArray(sources)).toJson(QJsonDocument::Compact);
}

QByteArray toJsonText(const QList<Related> &related)
{
    return QJsonDocument(toJsonArray(related)).toJson(QJsonDocument::Compact);
}

void appendCompact(QByteArray &out, const Claim &c)
{
    JsonObjectWriter o(out);
    o.add(kQuantity, c.quantity);
    o.add(kQuantityEs, c.quantityEs);
    o.add(kValue, c.value);
    o.add(kUnit, c.unit);
    if (c.sourceIndex >= 0)
        o.add(kSource, std::optional<double>(c.sourceIndex));
    else
        o.add(kSource, c.source);
    o.add(kAsOf, c.asOf);
    o.add(kNote, c.note);
    o.add(kNoteEs, c.noteEs);
}

void appendCompact(QByteArray &out, const Source &s)
{
    JsonObjectWriter o(out);
    o.add(kName, s.name);
    o.add(kUrl, s.url);
    o.add(kPublished, s.published);
    o.add(kLanguage, s.language);
}

void appendCompactSourceText(QByteArray &out, QByteArrayView utf8Item)
{
    const bool isUrl = utf8Item.startsWith("http://") || utf8Item.startsWith("https://");
    // The common item, nothing to escape, in three appends (the loader's row lane: one a record).
    if (!utf8Item.isEmpty() && std::all_of(utf8Item.begin(), utf8Item.end(), needsNoEscape)) {
        appendBytes(out, isUrl ? QByteArrayView(R"({"url":")") : QByteArrayView(R"({"name":")"));
        appendBytes(out, utf8Item);
        appendBytes(out, QByteArrayView(R"("})"));
        return;
    }
    JsonObjectWriter o(out);
    o.addUtf8(isUrl ? kUrl : kName, utf8Item);
}

void appendCompact(QByteArray &out, const Related &r)
{
    JsonObjectWriter o(out);
    o.add(kId, r.id);
    o.add(kRelation, r.relation);
}

Claim claimFromCompact(QByteArrayView json)
{
    return claimFromJson(QJsonDocument::fromJson(json.toByteArray()).object());
}

Source sourceFromCompact(QByteArrayView json)
{
    return sourceFromJson(QJsonDocument::fromJson(json.toByteArray()).object());
}

Related relatedFromCompact(QByteArrayView json)
{
    return relatedFromJson(QJsonDocument::fromJson(json.toByteArray()).object());
}

QByteArray unescapedString(QByteArrayView raw)
{
    const QByteArray quoted = '"' + raw.toByteArray() + '"';
    return QJsonDocument::fromJson('[' + quoted + ']').array().at(0).toString().toUtf8();
}

} // namespace chronomap::RecordJson
