import ArgumentParser
import FormationDomain
import FormationUseCases
import FormationViews

extension WorkshopCommand {
    /// `formation workshop facilitators REF [--near PLANT]`: who can teach it.
    struct Facilitators: ParsableCommand {
        static var configuration: CommandConfiguration { CommandConfiguration(commandName: "facilitators", abstract: Help.text(.helpWorkshopFacilitators)) }
        @OptionGroup var global: GlobalOptions
        @OptionGroup var output: FormatOption
        @Argument(help: ArgumentHelp(Help.text(.helpWorkshopRef))) var workshop: String
        @Option(help: ArgumentHelp(Help.text(.helpNear), valueName: "plant")) var near: String?
        @Flag(help: ArgumentHelp(Help.text(.helpFacilitatorsAll))) var all = false

        func run() throws {
            let list = try WorkshopFacilitators.load(global.openStore(), workshop: workshop, near: near,
                                                     limit: all ? nil : WorkshopFacilitators.defaultLimit)
            switch output.format {
            case .json: try JSONOutput.printArray(list.candidates.map(FacilitatorJSON.init))
            case .text: try Terminal.output(FacilitatorsText.render(list, global.language, limited: !all))
            }
        }
    }
}
