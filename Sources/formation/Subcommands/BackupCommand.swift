import ArgumentParser
import Foundation
import FormationDomain
import FormationUseCases
import FormationViews

/// `formation backup PATH`: a consistent copy of the database, taken while others may write.
struct BackupCommand: ParsableCommand {
    static var configuration: CommandConfiguration {
        CommandConfiguration(commandName: "backup", abstract: Help.text(.helpBackup))
    }
    @OptionGroup var global: GlobalOptions
    @Argument(help: ArgumentHelp(Help.text(.helpBackupPath), valueName: "path")) var path: String
    @Flag(help: ArgumentHelp(Help.text(.helpBackupForce))) var force = false

    func run() throws {
        let store = try global.openStore()
        try Maintenance(store: store).backup(to: path, replacing: force)
        Terminal.notice(Message(.backupWritten, store.path, path).text(global.language))
    }
}
