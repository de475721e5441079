// SPDX-License-Identifier: MIT
#pragma once
// Command-line handling shared by the benchmark programs: --help, and a clear refusal of an
// unknown option or a value that is not a number, instead of a silent run at the default size.

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QStringList>
#include <QTextStream>

#include <optional>
#include <vector>

namespace baokan::bench {

struct Argument
{
    QString name;         // as shown in the usage line, e.g. ARTICLES
    QString help;         // one line, with the default
    QString defaultValue; // null: the argument is required
    bool numeric = true;
};

// The positional arguments of the running program, defaults filled in. --help prints the usage
// and exits; on a wrong command line the usage goes to stderr and the result is empty (the
// program should exit with 2).
inline std::optional<QStringList> benchArguments(const QString &description, const std::vector<Argument> &arguments)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(description);
    parser.addHelpOption();
    for (const Argument &a : arguments)
        parser.addPositionalArgument(a.name, a.help,
                                     a.defaultValue.isNull() ? a.name : QLatin1Char('[') + a.name + QLatin1Char(']'));
    QTextStream err(stderr);
    // process() prints --help and exits; parse() lets an unknown option be reported here.
    if (!parser.parse(QCoreApplication::arguments())) {
        err << parser.errorText() << "\n\n" << parser.helpText();
        return std::nullopt;
    }
    if (parser.isSet(QStringLiteral("help")))
        parser.showHelp(0);
    const QStringList given = parser.positionalArguments();
    if (given.size() > qsizetype(arguments.size())) {
        err << "too many arguments\n\n" << parser.helpText();
        return std::nullopt;
    }
    QStringList values;
    for (std::size_t i = 0; i < arguments.size(); ++i) {
        const Argument &a = arguments[i];
        const QString value = qsizetype(i) < given.size() ? given.at(qsizetype(i)) : a.defaultValue;
        if (value.isNull()) {
            err << "missing " << a.name << "\n\n" << parser.helpText();
            return std::nullopt;
        }
        bool ok = true;
        if (a.numeric)
            value.toDouble(&ok);
        if (!ok) {
            err << a.name << " must be a number, not " << value << "\n\n" << parser.helpText();
            return std::nullopt;
        }
        values << value;
    }
    return values;
}

} // namespace baokan::bench
