import ArgumentParser
import FormationDomain
import FormationUseCases
import FormationViews
import Foundation

extension BattleCommand {
    /// `formation battle plan B [--window HH:MM-HH:MM]… [--place NAME]… [--workshop REF]…
    /// [--time-limit SECONDS] [--format text|json] [--instance FILE] [--apply]`: a timetable proposed
    /// for the battle's free learning time; written only with `--apply`.
    struct Plan: ParsableCommand {
        static var configuration: CommandConfiguration { CommandConfiguration(commandName: "plan", abstract: Help.text(.helpBattlePlan)) }
        @OptionGroup var global: GlobalOptions
        @OptionGroup var output: FormatOption
        @Argument(help: ArgumentHelp(Help.text(.helpBattleRef))) var battle: String
        @Option(help: ArgumentHelp(Help.text(.helpPlanWindow), valueName: "HH:MM-HH:MM")) var window: [String] = []
        @Option(help: ArgumentHelp(Help.text(.helpPlanPlace), valueName: "name")) var place: [String] = []
        @Option(help: ArgumentHelp(Help.text(.helpPlanWorkshop), valueName: "workshop")) var workshop: [String] = []
        @Option(name: .customLong("time-limit"), help: ArgumentHelp(Help.text(.helpPlanTimeLimit), valueName: "seconds"))
        var timeLimit: Double = 10
        @Option(help: ArgumentHelp(Help.text(.helpPlanInstance), valueName: "file")) var instance: String?
        @Flag(help: ArgumentHelp(Help.text(.helpPlanApply))) var apply = false

        func validate() throws {
            if window.contains(where: { PlanRequest.window($0) == nil }) { throw ValidationError(Help.text(.helpPlanWindowBad)) }
            if !(timeLimit > 0 && timeLimit.isFinite) { throw ValidationError(Help.text(.helpPlanTimeLimitBad)) }
        }

        func run() throws {
            let language = global.language
            let store = try global.openStore(writes: apply)
            let planning = BattlePlanning(store: store)
            let started = Date(), limit = timeLimit
            let progress = ProgressLine {
                Message(.planSearching, ProgressLine.duration(Date().timeIntervalSince(started)), ProgressLine.duration(limit)).text(language)
            }
            let proposal = try planning.plan(battle: battle, PlanRequest(windows: window, places: place, workshops: workshop, timeLimit: timeLimit))
            progress?.stop()
            if let instance {
                try Output.write(proposal.instanceJSON, to: instance, protecting: store.path)
                Terminal.notice(Message(.planInstanceWritten, instance).text(language))
            }
            if proposal.sessions.isEmpty {
                try show(proposal, applied: false)
                throw CommandFailure(lines: proposal.issues.map { "formation: error: " + $0.message.text(language) }
                    + ["formation: error: " + Message(.planEmptyRefused, proposal.battle.battle.name).text(language)],
                                     code: ExitCodes.dataError)
            }
            let applied = apply ? try planning.apply(proposal) : nil
            try show(proposal, applied: applied != nil)
            for issue in proposal.issues { Terminal.notice(issue.message.text(language)) }
            Terminal.notice((applied?.message ?? Message(.planReview)).text(language))
        }

        private func show(_ proposal: BattlePlanProposal, applied: Bool) throws {
            switch output.format {
            case .json: try JSONOutput.print(PlanJSON(proposal, applied: applied))
            case .text: try Terminal.output(PlanText.render(proposal, global.language))
            }
        }
    }
}
