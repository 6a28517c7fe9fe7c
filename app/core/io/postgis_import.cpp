// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/io/postgis_import.h"

#include "core/io/database_source.h"
#include "core/io/event_layer_writer.h"
#include "core/io/gdal_session.h"
#include "core/io/user_dataset.h"

#include <QCoreApplication>

#include <gdal_priv.h>
#include <ogrsf_frmts.h>

#include <numeric>

namespace chronomap {

namespace {

QString tr(const char *text)
{
    return QCoreApplication::translate("chronomap::PostgisImport", text); // lupdate's context for it
}

} // namespace

bool PostgisImport::write(const EventStore &store, const QString &source, const QString &table, QString *error,
                          const std::function<void(qint64 written)> &progress)
{
    GdalMessageCollector messages;
    auto fail = [&](const QString &why) {
        if (error) *error = why.isEmpty() ? messages.lastError() : why;
        return false;
    };
    if (!DatabaseSource::isPlainIdentifier(table))
        return fail(tr("'%1' is not a plain table name (lower-case letters, digits and _)").arg(table));
    // The table is created whatever `tables=` the string names: the driver would otherwise list
    // only those (and not find the new one).
    DatasetPtr handle = openDatabaseDataset(DatabaseSource::withoutOption(source, QStringLiteral("tables")), true);
    if (!handle)
        return fail(tr("cannot connect to %1: %2").arg(DatabaseSource::redacted(source), messages.lastError()));
    GDALDataset *ds = GDALDataset::FromHandle(handle.get());
    if (ds->GetLayerByName(table.toUtf8().constData()))
        return fail(tr("the table %1 already exists; nothing was written (choose another with --table)").arg(table));
    CPLErrorReset();
    (void)messages.take(); // GetLayerByName's "not found" is no failure
    if (ds->StartTransaction(FALSE) != OGRERR_NONE)
        return fail(tr("cannot start a transaction: %1").arg(messages.lastError()));

    bool ok = [&] {
        OGRSpatialReference wgs84;
        wgs84.SetWellKnownGeogCS("WGS84");
        wgs84.SetAxisMappingStrategy(OAMS_TRADITIONAL_GIS_ORDER);
        const char *options[] = {"GEOMETRY_NAME=geom", "FID=fid",      "SPATIAL_INDEX=GIST",
                                 "LAUNDER=NO",         "PRECISION=NO", nullptr};
        OGRLayer *layer = ds->CreateLayer(table.toUtf8().constData(), &wgs84, wkbUnknown, const_cast<char **>(options));
        if (!layer) return fail(QString());
        EventStore::IndexList all(store.size());
        std::iota(all.begin(), all.end(), EventStore::Index(0));
        const EventLayerWriter writer(store, all, EventLayerWriter::Style::Nested);
        QString why;
        if (!writer.createFields(layer, &why)) return fail(why);
        if (!writer.writeFeatures(layer, &why, [&](qint64 written) {
                if (progress) progress(written);
                return true;
            }))
            return fail(why);
        if (layer->SyncToDisk() != OGRERR_NONE) return fail(QString());
        // What the driver does not make: indexes on the time columns and the change trigger.
        const QString sql[] = {
            QStringLiteral("CREATE INDEX \"%1_start_idx\" ON \"%1\" (\"start\")").arg(table),
            QStringLiteral("CREATE INDEX \"%1_end_idx\" ON \"%1\" (\"end\")").arg(table),
            QStringLiteral("CREATE OR REPLACE FUNCTION chronomap_notify_change() RETURNS trigger LANGUAGE plpgsql "
                           "AS $$ BEGIN PERFORM pg_notify('%1', TG_TABLE_NAME); RETURN NULL; END $$")
                .arg(QLatin1String(kNotifyChannel)),
            QStringLiteral("CREATE TRIGGER \"%1_chronomap_notify\" AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON "
                           "\"%1\" FOR EACH STATEMENT EXECUTE FUNCTION chronomap_notify_change()")
                .arg(table),
        };
        for (const QString &statement : sql) {
            CPLErrorReset();
            if (OGRLayer *result = ds->ExecuteSQL(statement.toUtf8().constData(), nullptr, nullptr))
                ds->ReleaseResultSet(result);
            if (CPLGetLastErrorType() >= CE_Failure) return fail(QString::fromUtf8(CPLGetLastErrorMsg()));
        }
        return true;
    }();
    if (ok && ds->CommitTransaction() != OGRERR_NONE) ok = fail(tr("the commit failed: %1").arg(messages.lastError()));
    if (!ok) ds->RollbackTransaction(); // after a dropped connection there is nothing to roll back
    return ok;
}

} // namespace chronomap
