import ArgumentParser
import FormationDomain
import FormationUseCases
import FormationViews

/// `formation battle show B [--format text|json]` (`ShowCommand<BattleShown>`): the battle and its timetable.
enum BattleShown: Showable {
    static let argument = EntityArgument.battle
    static var shown: Formatted<Timetable, BattleTimetableJSON> {
        Formatted(name: "show", abstract: .helpBattleShow, load: { try Timetable.load($0, battle: $1) }, json: BattleTimetableJSON.init, text: TimetableText.battle)
    }
}
