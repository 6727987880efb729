/// Venezuela's 23 states, its Capital District and its Federal Dependencies, spelled as the
/// constitution spells them: a plant's state typed as `bolivar` or `TACHIRA` is stored in this one
/// spelling, so that "the plant's state" groups plants however their names were typed. Regions of
/// other countries are kept as typed.
public enum VenezuelanStates {
    public static let names = [
        "Amazonas", "Anzoátegui", "Apure", "Aragua", "Barinas", "Bolívar", "Carabobo", "Cojedes", "Delta Amacuro",
        "Distrito Capital", "Dependencias Federales", "Falcón", "Guárico", "La Guaira", "Lara", "Mérida", "Miranda",
        "Monagas", "Nueva Esparta", "Portuguesa", "Sucre", "Táchira", "Trujillo", "Yaracuy", "Zulia",
    ]
}
