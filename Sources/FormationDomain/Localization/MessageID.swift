/// Every message a person reads has an id here and a text in each language's catalogue
/// (`Catalogue+English.swift`, `Catalogue+Spanish.swift`). Placeholders are `{0}`, `{1}`…
public enum MessageID: String, Sendable, CaseIterable {
    // Domain validation
    case malformedIdentifier
    case invalidDate
    case invalidTimeZone
    case emptyName
    case datesOutOfOrder
    case invalidValue
    case invalidDuration
    case participantLimits
    case outlineTooLong
    case duplicateWorkshop
    case unknownPrerequisite
    case missingCurriculum
    case prerequisiteCycle
    case selfPrerequisite
    case invalidDateTime
    case nonexistentLocalTime
    case invalidTypedDate
    case monthOutOfRange
    case dayOutOfMonth
    case invalidTime
    case battleTooLong
    case january, february, march, april, may, june, july, august, september, october, november, december
    case repeatedLocalTime
    case conflictPersonDoubleBooked
    case conflictOutsideBattle
    case conflictPlaceDoubleBooked
    case conflictPersonDoubleBookedMore
    case conflictPlaceDoubleBookedMore
    case conflictOnShift
    case conflictMissingPrerequisite
    case conflictOverCapacity
    case conflictInexperiencedFacilitator
    case conflictHard
    case conflictSoft
    case conflictForced
    case sheetBadStatus
    case sheetEncodingGuessed
    case sheetColumnsIgnored
    case sheetDuplicateColumn
    case sheetUnclosedQuote
    case sheetControlCharacter
    case sheetNoName
    case sheetBadRole
    case sheetHeadingMissing
    case sheetTwoStatuses
    case sheetRoleDiffers
    case sheetCancelled
    case attendCancelled
    case attendNotInSession
    case attendAttendedOne
    case attendAttendedMany
    case attendAbsentOne
    case attendAbsentMany
    case attendRegisteredOne
    case attendRegisteredMany
    case attendSummary
    case attendRoleChanged
    case attendNoFacilitator
    case attendRemoved
    case sessionCancelledNow
    case sessionAlreadyCancelled
    case roleFacilitator
    case roleParticipant
    case sheetNumber
    case sheetRole
    case sheetStatus
    case fileNotText
    // Lookups
    case notFound
    case argUnknownOption, argUnknownOptionSuggesting, argMissing, argInvalidValue, argUnexpected
    case argUnknownCommand, argUnknownCommandSuggesting, argOther, langEnvironmentInvalid
    case shiftOutsideBattle, shiftTooLong, shiftOverlaps
    case placeSpelledAs
    case notFoundSuggesting
    case ambiguous
    case alreadyExists
    case kindPlant, kindPerson, kindBattle, kindCurriculum, kindWorkshop, kindSession
    // Storage
    case databaseTooNew
    case databaseNotSQLite
    case databaseBusy
    case databaseReadOnly
    case databaseOpenFailed
    case databaseFailure
    case databaseDamaged
    // Stored JSON columns read by hand
    case storedColumnDamaged
    // Reliability: backup, check, busy timeout
    case backupWritten
    case backupExists
    case backupIsDatabase
    case backupLiveDatabase
    case checkProblems
    case problemIntegrity
    case problemForeignKey
    case problemParticipationWithoutSession
    case problemSessionWithoutWorkshop
    case problemSessionOutsideBattle
    case problemSessionTimes
    case problemShiftTimes
    case problemUnknownTimeZone
    case busyTimeoutInvalid
    // Files
    case fileMissing
    case fileUnreadable
    case fileIsDirectory
    case outputUnwritable
    // XML interchange
    case xmlNotWellFormed
    case xmlSchemaViolation
    case xmlDoctypeRefused
    case xmlFileTooLarge
    case xmlTextTooLong
    case xmlTooManyAttributes
    case xmlTooManyNamespaces
    case xmlTooDeep
    case xmlTagTooLong
    case xmlNulByte
    case xmlEncodingRefused
    case xmlUnknownDocument
    case xmlEmptyInput
    case xmlDuplicateLanguage
    // Import
    case importUnchanged
    case importReplaced
    case importSkippedOlder
    case importAdded
    case versionConflict
    case conflictField
    case tooManyErrors
    case nothingWritten
    case conflictAdded
    case conflictRemoved
    case conflictMetadata
    case importChecked
    case importNothingToDo
    case recordUnknownReference
    case recordMissingWorkshops
    case recordImported
    case recordPeopleMerged, possibleDuplicate
    case recordChecked
    // Records held to the CLI's rules and identities
    case recordUnknownTimeZone
    case recordBattleDiffers
    case recordBattleNameTaken
    case recordSessionOfAnotherBattle
    case recordShiftDiffers
    case recordConflictOfAnotherBattle
    case recordHardConflict
    case recordTimeNotWholeMinute
    // Curricula never lose a used workshop
    case versionJump
    case importRetired
    case workshopRetired
    case workshopRetiredMark
    case problemDanglingPrerequisite
    case problemSchema
    case problemTimeOutOfRange
    case problemBattleDates
    // Diff
    case diffAdded, diffRemoved, diffChanged, diffNone, diffHeader, diffMetadata
    // Lists and shows
    case emptyList
    case headingID, headingName, headingState, headingSector, headingOwnership, headingPlant
    case headingStart, headingEnd, headingTimeZone, headingRetired, headingVersion, headingTitle
    case headingWorkshops, headingCurriculum, headingDuration, headingCategory, headingCouncil
    case headingLicense, headingDerivedFrom, headingObjectives, headingPrerequisites, headingMaterials
    case headingCompetencies, headingOutline, headingParticipants
    case headingDays, headingLanguageMissing
    case headingWhen
    case headingPlaceColumn
    case headingWorkshopColumn
    case headingFacilitatorsColumn
    case headingCount
    case cancelledMark
    case noSessions
    case noConflicts
    case conflictHardMark
    case conflictForcedMark
    case conflictSoftMark
    case sheetTitle
    case headingBattle
    case headingDate
    case headingTime
    case headingPlaceLabel
    case headingFacilitatorsLabel
    case headingSessionID
    case sheetName
    case sheetPlant
    case sheetSignature
    case sheetFooter
    case yes, no, none
    case participantsRange
    case ownershipState, ownershipWorkerControlled, ownershipPrivate
    case sectorPublic, sectorPrivate
    case categoryTechnical, categoryOrganisational, categoryPolitical, categorySafety
    // Learning history, battle reports, lineage, merge
    case historyHeading
    case historyTotals
    case historyAttended
    case historyNothingAttended
    case historyTaughtBy
    case historyTaught
    case historyNothingTaught
    case historyAttendedCount
    case historyCompetencies
    case historyNoneYet
    case historyReadyFor
    case historyNothingReady
    case historyRecordTitle
    case historyTaughtByLabel
    case historyAttendedLabel
    case historyRecordFooter
    case headingWorkshopLabel
    case headingHoursLabel
    case headingSessionsColumn
    case headingHeldColumn
    case headingAttendedColumn
    case headingHoursColumn
    case headingTaughtColumn
    case headingLastColumn
    case reportHeading
    case reportSessions
    case reportHours
    case reportPeople
    case reportAttendance
    case reportAttendanceNone
    case reportNewFacilitators
    case reportByWorkshop
    case reportByCategory
    case reportConflicts
    case reportUnknownCategory
    case lineageHeading
    case lineageEmpty
    case lineageTaughtAt
    case lineageCycle
    case lineageShownAbove
    case lineageTooDeep
    // Teaching lineage with counted learners
    case lineageLearnedThere
    case lineageOthersLearnedThere
    case facilitatorsHeading
    case facilitatorsNear
    case facilitatorsEmpty
    case facilitatorsBest
    case importSummary
    case importInterrupted
    case mergeSamePerson
    case mergeDoubleBooked
    case mergeMorePairs
    case mergeDone
    // Outputs
    case outputIsDatabase
    case outputIsSQLite
    case outputReadOnly
    case nameNoncharacter
    case sessionTooLong
    // Planning a battle (issue 23)
    case planInvalidInstance
    case planNoWindows
    case planNoPlaces
    case planNoWorkshops
    case planNoPeople
    case planWorkshopTooLong
    case planNobodyCanTeach
    case planEveryoneKnows
    case planPrerequisitesUnmet
    case planTooFewLearners
    case planNoCommonTime
    case planSolverFailed
    // Change log and undo (issue 18)
    case logAdded
    case logRemoved
    case logChanged
    case logCancelled
    case logRestored
    case logMarked
    case logMerged
    case logJoined
    case logUndoOf
    case logBy
    case logUndoneBy
    case logNotUndoable
    case logDamaged
    case logNothing
    case logUnknownUser
    case logRowPlant
    case logRowPerson
    case logRowBattle
    case logRowCurriculum
    case logRowWorkshop
    case logRowSession
    case logRowParticipation
    case logRowShift
    case logRowAlias
    case logRowPrerequisite
    case logRowConflict
    case logManyPlant
    case logManyPerson
    case logManyAlias
    case logManyBattle
    case logManyCurriculum
    case logManyWorkshop
    case logManyPrerequisite
    case logManySession
    case logManyParticipation
    case logManyShift
    case logManyConflict
    case logRoleFacilitator
    case logRoleParticipant
    case logStatusRegistered
    case logStatusAttended
    case logStatusAbsent
    case undoDone
    case undoNothing
    case undoNotFound
    case undoAlreadyUndone
    case undoNotUndoable
    case undoLaterChange
    case undoConflict
    case databaseMissing
    case databaseFolderMissing
    case problemChangeLog
}
