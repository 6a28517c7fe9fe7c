// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QDialog>
#include <QList>
#include <QPair>

class QMenuBar;

namespace chronomap {

/// Help → Keyboard Shortcuts: every menu action that has a shortcut, read from the menus
/// themselves so the list cannot fall behind them.
class ShortcutsDialog : public QDialog {
    Q_OBJECT
public:
    struct Row {
        QString menu;     ///< e.g. "File"
        QString action;   ///< e.g. "Open…"
        QString shortcut; ///< native text, e.g. "Ctrl+O"; several separated by ", "
    };

    /// Lists `menus`, then the other actions of `window` that have a shortcut (such as a
    /// toolbar's search field's Ctrl+F).
    explicit ShortcutsDialog(const QMenuBar *menus, const QWidget *window, QWidget *parent = nullptr);
    /// The rows shown: menu by menu, in menu order, then the window's other actions.
    static QList<Row> rows(const QMenuBar *menus, const QWidget *window = nullptr);
};

} // namespace chronomap
