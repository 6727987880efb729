public import FormationStorage

// The plain values use cases hand to the CLI, named here so that the CLI imports the use cases and
// the domain only, never the storage module (Package.swift: `formation` does not depend on
// FormationStorage). They are the storage module's read models, unchanged: nothing copies them.

/// The database a command works on. The CLI opens it (`Database.open`) and passes it to use cases;
/// it never queries it.
public typealias FormationStore = FormationStorage.FormationStore
public typealias PersonEntry = FormationStorage.PersonEntry
public typealias PersonName = FormationStorage.PersonName
public typealias BattleEntry = FormationStorage.BattleEntry
public typealias SessionEntry = FormationStorage.SessionEntry
public typealias CurriculumSummary = FormationStorage.CurriculumSummary
public typealias WorkshopEntry = FormationStorage.WorkshopEntry
/// A name or id that matches nobody, or several.
public typealias LookupError = FormationStorage.LookupError
/// A database that cannot be opened, is damaged, read-only or locked.
public typealias StorageError = FormationStorage.StorageError
