import ArgumentParser
import FormationDomain

/// The options of a membership change that takes none beyond its members.
struct NoOptions: ParsableArguments {}

/// The days of the battle someone joins for (`battle join --from --to`).
struct RosterDays: ParsableArguments {
    @Option(help: ArgumentHelp(Help.text(.helpRosterFrom), valueName: "YYYY-MM-DD")) var from: String?
    @Option(help: ArgumentHelp(Help.text(.helpRosterTo), valueName: "YYYY-MM-DD")) var to: String?
}

/// Why and on whose word prior learning is recognised (`person qualify --note --by`).
struct QualifyNote: ParsableArguments {
    @Option(help: ArgumentHelp(Help.text(.helpQualifyNote))) var note: String?
    @Option(help: ArgumentHelp(Help.text(.helpQualifyBy))) var by: String?
}
