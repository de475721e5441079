// SPDX-License-Identifier: MIT
#pragma once

#include <QLoggingCategory>

// The parser's log: QT_LOGGING_RULES="baokan.parse.debug=true" shows why it cut and matched
// the way it did.
Q_DECLARE_LOGGING_CATEGORY(lcParse)
