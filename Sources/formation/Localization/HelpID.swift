internal import FormationDomain

/// Every help text of the CLI (abstracts, arguments, options): the command line's own catalogue,
/// beside the domain's (`MessageID`), in the same two languages (`HelpCatalogue+English.swift`,
/// `HelpCatalogue+Spanish.swift`). Placeholders are `{0}`, `{1}`…
enum HelpID: String, Sendable, CaseIterable {
    case helpRemove
    case helpImportVerbose
    case helpFacilitatorsAll
    case helpLog
    case helpLogBattle
    case helpLogLimit
    case helpUndo
    case helpUndoChange
    case helpSeats
    case helpBackup
    case helpBackupPath
    case helpBackupForce
    case helpCheck
    case helpFormation
    case helpDatabase
    case helpLang
    case helpLangInvalid
    case helpFormat
    case helpPlant
    case helpPlantAdd
    case helpPlantList
    case helpName
    case helpState
    case helpPlantSector
    case helpOwnership
    case helpPerson
    case helpPersonAdd
    case helpPersonList
    case helpPersonShow
    case helpHomePlant
    case helpRetired
    case helpPersonSector
    case helpPersonRef
    case helpBattle
    case helpBattleAdd
    case helpBattleList
    case helpBattleShow
    case helpBattlePlant
    case helpStartDate
    case helpEndDate
    case helpTimeZone
    case helpBattleRef
    case helpCurriculum
    case helpCurriculumList
    case helpCurriculumShow
    case helpCurriculumID
    case helpWorkshop
    case helpWorkshopList
    case helpWorkshopShow
    case helpWorkshopRef
    case helpImport
    case helpValidate
    case helpFiles
    case helpReplace
    case helpExport
    case helpOutput
    case helpDiff
    case helpDiffSide
    case helpSession
    case helpSessionAdd
    case helpStartTime
    case helpEndTime
    case helpPlace
    case helpFacilitator
    case helpFacilitatorMissing
    case helpForce
    case helpSessionList
    case helpDay
    case helpSessionCancel
    case helpSessionRef
    case helpSessionSheet
    case helpShift
    case helpShiftAdd
    case helpShiftPerson
    case helpShiftPersonMissing
    case helpAttend
    case helpRole
    case helpStatus
    case helpCSV
    case helpAttendNobody
    case helpBattleCheck
    case helpBattleExport
    case helpExportAs
    case helpLineageLearners
    case helpHistory
    case helpReportFormat
    case helpBattleReport
    case helpWorkshopLineage
    case helpLineageFormat
    case helpWorkshopFacilitators
    case helpNear
    case helpPersonMerge
    case helpMergeKeep
    case helpMergeDrop
    // Editing and removing
    case helpPlantRef
    case helpPlantEdit
    case helpPlantRemove
    case helpNewName
    case helpNoSector
    case helpNoPlant
    case helpEditBoth
    case helpEditNothing
    case helpPersonEdit
    case helpPersonRemove
    case helpRetiredEdit
    case helpForceDuplicate
    case helpBattleEdit
    case helpBattleRemove
    case helpTimeZoneEdit
    case helpSessionEdit
    case helpSessionRemove
    case helpEditStart
    case helpEditEnd
    case helpFacilitatorsEdit
    case helpShiftList
    case helpShiftListPerson
    case helpShiftEdit
    case helpShiftRemove
    case helpShiftRef
    case helpShiftNewPerson
    // Prior learning and planned prerequisites
    case helpPersonQualify
    case helpPersonUnqualify
    case helpQualifyWorkshops
    case helpQualifyNote
    case helpQualifyBy
    case helpQualifyMissing
    // Rosters and battle plans
    case helpBattleJoin
    case helpBattleLeave
    case helpBattleRoster
    case helpRosterPeople
    case helpRosterFrom
    case helpRosterTo
    case helpRosterMissing
    case helpBattlePlan
    case helpPlanWindow
    case helpPlanPlace
    case helpPlanWorkshop
    case helpPlanTimeLimit
    case helpPlanInstance
    case helpPlanApply
    case helpPlanWindowBad
    case helpPlanTimeLimitBad
    // The plant's board
    case helpServe
    case helpServeBind
    case helpServePort
    case helpServePortInvalid
    case helpBattlePin
}

/// Looks up help texts in the reader's language.
enum HelpCatalogue {
    static func template(_ id: HelpID, _ language: Language) -> String? {
        switch language {
        case .en: english[id]
        case .es: spanish[id]
        }
    }

    /// The text of `id` with `arguments` filled in; a missing text falls back to the other
    /// language, then to the id (a test keeps there being none).
    static func render(_ id: HelpID, _ arguments: [String], _ language: Language) -> String {
        Catalogue.fill(template(id, language) ?? template(id, language.other) ?? id.rawValue, arguments)
    }
}
