// SPDX-License-Identifier: GPL-3.0-or-later
#include "widgets/shortcuts_dialog.h"

#include <QDialogButtonBox>
#include <QLabel>
#include <QMenu>
#include <QMenuBar>
#include <QSet>
#include <QTreeWidget>
#include <QVBoxLayout>

namespace chronomap {

namespace {
QString plain(QString text)
{
    // "&Open…" → "Open…"; "&&" stays one "&".
    text.replace(QStringLiteral("&&"), QStringLiteral("\x01"));
    text.remove(u'&');
    text.replace(u'\x01', u'&');
    return text;
}

QString keysOf(const QAction *a)
{
    QStringList keys;
    for (const QKeySequence &key : a->shortcuts())
        if (!key.isEmpty()) keys.append(key.toString(QKeySequence::NativeText));
    return keys.join(QStringLiteral(", "));
}

void collect(const QMenu *menu, const QString &path, QList<ShortcutsDialog::Row> &rows, QSet<const QAction *> &seen)
{
    for (const QAction *a : menu->actions()) {
        if (a->isSeparator()) continue;
        if (const QMenu *sub = a->menu()) {
            collect(sub, path + QStringLiteral(" › ") + plain(sub->title()), rows, seen);
            continue;
        }
        seen.insert(a);
        if (const QString keys = keysOf(a); !keys.isEmpty()) rows.append({path, plain(a->text()), keys});
    }
}
} // namespace

QList<ShortcutsDialog::Row> ShortcutsDialog::rows(const QMenuBar *menus, const QWidget *window)
{
    QList<Row> rows;
    QSet<const QAction *> seen;
    for (const QAction *a : menus->actions())
        if (const QMenu *menu = a->menu()) collect(menu, plain(menu->title()), rows, seen);
    if (!window) return rows;
    for (const QAction *a : window->findChildren<QAction *>()) {
        if (seen.contains(a) || a->menu() || a->text().isEmpty()) continue;
        if (const QString keys = keysOf(a); !keys.isEmpty()) rows.append({tr("Window"), plain(a->text()), keys});
    }
    return rows;
}

ShortcutsDialog::ShortcutsDialog(const QMenuBar *menus, const QWidget *window, QWidget *parent) : QDialog(parent)
{
    setWindowTitle(tr("Keyboard Shortcuts"));
    auto *list = new QTreeWidget(this);
    list->setHeaderLabels({tr("Action"), tr("Shortcut"), tr("Menu")});
    list->setRootIsDecorated(false);
    list->setAlternatingRowColors(true);
    list->setAccessibleName(tr("Keyboard shortcuts"));
    for (const Row &row : rows(menus, window))
        new QTreeWidgetItem(list, {row.action, row.shortcut, row.menu});
    for (int c = 0; c < 3; ++c)
        list->resizeColumnToContents(c);
    auto *note = new QLabel(tr("In the map and the timeline: arrow keys pan, + and − zoom, Home shows everything, "
                               "Escape clears the selection. "
                               "Tab moves between the panels."),
                            this);
    note->setWordWrap(true);
    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Close, this);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(list, 1);
    layout->addWidget(note);
    layout->addWidget(buttons);
    resize(560, 480);
}

} // namespace chronomap
