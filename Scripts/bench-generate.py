#!/usr/bin/env python3
"""Benchmark inputs for SelfFormation (BENCHMARKS.md), generated deterministically from a seed.

    Scripts/bench-generate.py pack --megabytes 10 --out bench-data/pack-10mb.xml [--seed 1]
    Scripts/bench-generate.py database --database bench-data/db-M.sqlite --formation .build-bench/release/formation \\
        --people 10000 --battles 200 --sessions 10000 --participations 200000 [--shifts N] [--seed 1] \\
        [--profile heavy|uniform] [--veterans N]

`pack` writes a curriculum pack valid against Curricula/curriculum.xsd: many workshops with varied
bilingual (es/en) text built from aligned phrase tables, prerequisites pointing only to earlier
workshops (no cycles), outline minutes never above the workshop's minutes.

`database` creates the database by importing the shipped Curricula/*.xml with `formation import`, then bulk-inserts with Python's sqlite3,
following Sources/FormationStorage/Migrations.swift: plants, people, battles (America/Caracas),
sessions of the shipped workshops, participations (1-2 facilitators and 5-25 participants a session,
mostly attended) and repair shifts. The programme is played forward battle by battle so that the data
look like the real thing: nobody is at two battles at once or in two sessions at once, facilitators
mostly learned the workshop at an earlier battle, participants mostly meet the prerequisites, and
repair shifts sit in the half-day a person is not learning.

Two profiles (`--profile`):
- `heavy` (the default of scale L in Scripts/bench.py): heavy-tailed, as real programmes are. A few hundred
  veterans (`--veterans`, default people / 333), each at home in one state, join most battles held in their
  state and teach 2-4 sessions at each, whatever the workshop (about 200 sessions taught each at L);
  workshops are chosen by a power law on their popularity (rank r weighs 1 / r; `proportion-by-eye`, the
  first workshop of freehand drawing, ranks first, so it is taught tens of thousands of times at L); and
  people volunteer with Pareto-distributed eagerness, so some attend 50+ sessions.
- `uniform`: every workshop equally likely (the one with most new learners free is picked), people drawn
  uniformly (about 20 participations each), no veterans.

Generated files go to bench-data/ (git-ignored); nothing here is committed output.
"""

import argparse
import bisect
import datetime
import os
import random
import sqlite3
import subprocess
import sys
import uuid

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))

# ---------------------------------------------------------------------------------------------
# Aligned phrase tables: (Spanish, English). A sentence is built from one entry of each table it
# uses, so both languages say the same thing. Some entries carry &, <, > and quotes on purpose:
# writers and readers must escape them.

ACTIONS = [
    ("Medimos", "We measure"), ("Desmontamos", "We take apart"), ("Dibujamos a mano alzada", "We sketch freehand"),
    ("Revisamos", "We inspect"), ("Limpiamos y lubricamos", "We clean and lubricate"), ("Alineamos", "We align"),
    ("Calibramos", "We calibrate"), ("Acotamos", "We dimension"), ("Probamos en vacío", "We test without load"),
    ("Anotamos en la bitácora", "We log"), ("Explicamos al grupo", "We explain to the group"),
    ("Comparamos con el plano", "We compare with the drawing"), ("Reemplazamos", "We replace"),
    ("Ajustamos", "We adjust"), ("Soldamos con cuidado", "We carefully weld"), ("Bloqueamos y etiquetamos", "We lock out and tag"),
    ("Discutimos en asamblea", "We discuss in assembly"), ("Planificamos con el consejo", "We plan with the council"),
    ("Fabricamos en el torno", "We make on the lathe"), ("Verificamos con el vernier", "We check with the vernier calipers"),
]
OBJECTS = [
    ("la bomba centrífuga de la línea 2", "the centrifugal pump of line 2"),
    ("el eje del transportador", "the conveyor shaft"), ("la chumacera del horno", "the oven's bearing housing"),
    ("el piñón de cadena", "the chain sprocket"), ("la brida de la línea de vapor", "the steam-line flange"),
    ("el motor trifásico de 15 kW", "the 15 kW three-phase motor"), ("el arrancador estrella-triángulo", "the star-delta starter"),
    ("la válvula de retención", "the check valve"), ("el sello mecánico", "the mechanical seal"),
    ("el reductor de velocidad", "the gearbox"), ("la correa en V", "the V-belt"),
    ("el tablero eléctrico & sus protecciones", "the switchboard & its protections"),
    ("la rosca M12 × 1,75", "the M12 × 1.75 thread"), ("el cuñero del eje", "the shaft keyway"),
    ("el plan de lubricación", "the lubrication plan"), ("la orden de trabajo", "the work order"),
    ("el diagnóstico colectivo", "the collective diagnosis"), ("el acta del consejo", "the council's minutes"),
    ("el compresor de aire", "the air compressor"), ("la caldera pirotubular", "the fire-tube boiler"),
    ("el molino de martillos", "the hammer mill"), ("la prensa hidráulica", "the hydraulic press"),
    ("el intercambiador de calor", "the heat exchanger"), ("la envasadora", "the filling machine"),
]
PLACES = [
    ("en el taller de tornería", "in the turning shop"), ("junto a la máquina parada", "next to the stopped machine"),
    ("en el galpón de mantenimiento", "in the maintenance shed"), ("en la sala del consejo", "in the council room"),
    ("al pie de la línea", "at the foot of the line"), ("en el comedor, con la pizarra", "in the canteen, with the whiteboard"),
    ("en el patio, bajo el techo", "in the yard, under the roof"), ("en el almacén de repuestos", "in the spare-parts store"),
]
PURPOSES = [
    ("para que un tornero la pueda hacer sin preguntar", "so that a machinist can make it without asking"),
    ("para no esperar dólares para importarla", "so we do not wait for dollars to import it"),
    ("para que la línea vuelva a producir", "so the line produces again"),
    ("para que nadie se lastime", "so that nobody gets hurt"),
    ("para que quien aprende hoy enseñe mañana", "so that whoever learns today teaches tomorrow"),
    ("para dejarlo escrito en la bitácora de la planta", "to leave it written in the plant's log"),
    ("para comprobar que la temperatura queda < 80 °C", "to check the temperature stays < 80 °C"),
    ("para que la presión no pase de 6 bar (> 6 bar es peligroso)", "so the pressure stays under 6 bar (> 6 bar is dangerous)"),
    ("para decidir juntos qué se repara primero", "to decide together what is repaired first"),
    ("para que el consejo tenga las cuentas claras", "so the council has clear accounts"),
]
QUESTIONS = [
    ("¿Qué falló y por qué?", "What failed and why?"), ("¿Quién ya lo sabe hacer?", "Who already knows how to do it?"),
    ("¿Qué medida falta en el croquis?", "Which dimension is missing from the sketch?"),
    ("¿Qué haríamos distinto la próxima vez?", "What would we do differently next time?"),
    ("¿Dónde está el riesgo?", "Where is the risk?"), ("¿Quién lo va a enseñar en la próxima batalla?", "Who will teach it at the next battle?"),
]
TOPICS = [
    ("Mantenimiento de", "Maintenance of", "mant"), ("Diagnóstico de", "Diagnosis of", "diag"),
    ("Croquis de", "Sketching", "croquis"), ("Reparación de", "Repairing", "repar"),
    ("Montaje de", "Assembling", "montaje"), ("Seguridad con", "Safety with", "seg"),
    ("Puesta en marcha de", "Starting up", "arranque"), ("Medición de", "Measuring", "medic"),
    ("Organización alrededor de", "Organising around", "org"), ("Fabricación de repuestos para", "Making spare parts for", "fab"),
]
MATERIALS = [
    ("Vernier, regla metálica y peine de roscas.", "Vernier calipers, steel rule and thread gauge."),
    ("Lápices HB y 2H, borra y hojas cuadriculadas de 5 mm.", "HB and 2H pencils, eraser and 5 mm squared paper."),
    ("Candados, etiquetas y tarjetas de bloqueo para cada participante.", "Padlocks, tags and lockout cards for each participant."),
    ("Llaves combinadas de 8 a 24 mm y un torquímetro.", "Combination spanners from 8 to 24 mm and a torque wrench."),
    ("Grasa de litio, aceitera y trapos limpios.", "Lithium grease, oil can and clean rags."),
    ("Multímetro y pinza amperimétrica.", "Multimeter and clamp meter."),
    ("Papelógrafo, marcadores y cinta adhesiva.", "Flip chart, markers and tape."),
    ("Guantes, lentes de seguridad y protección auditiva.", "Gloves, safety glasses and ear protection."),
]
CATEGORIES = ["technical", "technical", "technical", "safety", "organisational", "political"]

STATES = ["Amazonas", "Anzoátegui", "Apure", "Aragua", "Barinas", "Bolívar", "Carabobo", "Cojedes", "Delta Amacuro",
          "Distrito Capital", "Falcón", "Guárico", "La Guaira", "Lara", "Mérida", "Miranda", "Monagas", "Nueva Esparta",
          "Portuguesa", "Sucre", "Táchira", "Trujillo", "Yaracuy", "Zulia"]
SECTORS = ["harina de pescado", "metalmecánica", "alimentos", "textil", "cemento", "papel", "plásticos", "autopartes",
           "electricidad", "petroquímica", "maquinaria agrícola", "envases", "lácteos", "aluminio", "vidrio"]
PLANT_WORDS = ["Maquinarias", "Industrias", "Pesquera", "Textilera", "Metalúrgica", "Lácteos", "Cementos", "Alimentos",
               "Envases", "Fundición", "Aluminios", "Papelera", "Talleres", "Astillero"]
PLANT_NAMES = ["Barinas", "La Gaviota", "Los Andes", "El Tocuyo", "Cumaná", "Guayana", "Orinoco", "Carúpano", "Tinaquillo",
               "Yaritagua", "Puerto Cabello", "Valle de la Pascua", "Coro", "San Félix", "Acarigua", "Maturín", "Chivacoa",
               "Cabimas", "El Vigía", "Araure", "Guanare", "Calabozo", "Tucupita", "Ejido", "Upata", "Anaco"]
FIRST_F = ["María", "Ana", "Carmen", "Rosa", "Yelitza", "Yusmary", "Milagros", "Luisa", "Marisol", "Yajaira", "Nelly",
           "Gladys", "Beatriz", "Thais", "Zoraida", "Xiomara", "Maritza", "Yolanda", "Judith", "Iris", "Dayana", "Mileidys",
           "Carolina", "Elena", "Norelys", "Yenny", "Lisbeth", "Mayra", "Coromoto", "Belkis", "Fabiola", "Gabriela", "Irene",
           "Teresa", "Adriana", "Lucía", "Josefina", "Rosalba", "Alejandra", "Yamilet"]
FIRST_M = ["José", "Luis", "Carlos", "Juan", "Pedro", "Jesús", "Francisco", "Rafael", "Antonio", "Miguel", "Ramón",
           "Jorge", "Alexis", "Wilmer", "Omar", "Freddy", "Héctor", "Néstor", "Rubén", "Eduardo", "Richard", "Julio",
           "Alberto", "Manuel", "Ángel", "Douglas", "Gustavo", "Félix", "Argenis", "Edgar", "Nelson", "Oswaldo", "Simón",
           "Ernesto", "Víctor", "Daniel", "Andrés", "Enrique", "Yorman", "Deivis"]
SURNAMES = ["Pérez", "Rondón", "Rivas", "González", "Rodríguez", "Hernández", "García", "Martínez", "López", "Díaz",
            "Sánchez", "Ramírez", "Torres", "Flores", "Rojas", "Medina", "Morales", "Castillo", "Gutiérrez", "Mendoza",
            "Suárez", "Romero", "Álvarez", "Blanco", "Herrera", "Vargas", "Guerrero", "Castro", "Ramos", "Salazar",
            "Marcano", "Quintero", "Briceño", "Carrasquel", "Villegas", "Colmenares", "Zambrano", "Parra", "Linares",
            "Escalona", "Aponte", "Bolívar", "Guaramato", "Tovar", "Urdaneta", "Mata", "Figueroa", "Chacón", "Silva",
            "Uzcátegui", "Paredes", "Ochoa", "Lugo", "Peña", "Acosta", "Montilla", "Arias", "Crespo", "Yépez", "Contreras",
            "Camacho", "Osorio", "Sequera", "Barrios", "Querales", "Requena", "Infante", "Ledezma", "Mujica", "Oropeza"]
ROOMS = ["Taller mecánico", "Sala de reuniones", "Comedor", "Galpón 2", "Patio techado", "Taller eléctrico",
         "Almacén de repuestos", "Sala de control", "Aula del consejo", "Laboratorio", "Caseta de calderas", "Galpón 1"]
ZONE = "America/Caracas"     # UTC-4 all year (no daylight saving since 2016)
ZONE_OFFSET = 4 * 3600       # local + 4 h = UTC


def xml_escape(text):
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace('"', "&quot;")


def escaped(table):
    return [tuple(xml_escape(x) if isinstance(x, str) else x for x in row) for row in table]


# ---------------------------------------------------------------------------------------------
# Packs

class PackWriter:
    """Streams a curriculum pack to a file, workshop by workshop, until it reaches a size."""

    def __init__(self, rng):
        self.rng = rng
        self.actions, self.objects, self.places = escaped(ACTIONS), escaped(OBJECTS), escaped(PLACES)
        self.purposes, self.questions, self.materials = escaped(PURPOSES), escaped(QUESTIONS), escaped(MATERIALS)

    def sentence(self):
        r = self.rng
        a, o, p, q = r.choice(self.actions), r.choice(self.objects), r.choice(self.places), r.choice(self.purposes)
        if r.random() < 0.5:
            return f"{a[0]} {o[0]} {p[0]}, {q[0]}.", f"{a[1]} {o[1]} {p[1]}, {q[1]}."
        return f"{a[0]} {o[0]} {q[0]}.", f"{a[1]} {o[1]} {q[1]}."

    def paragraph(self, low, high):
        es, en = [], []
        for _ in range(self.rng.randint(low, high)):
            s, e = self.sentence()
            es.append(s)
            en.append(e)
        if self.rng.random() < 0.4:
            q = self.rng.choice(self.questions)
            es.append(q[0])
            en.append(q[1])
        return " ".join(es), " ".join(en)

    def texts(self, tag, pair, indent):
        return (f'{indent}<{tag} xml:lang="es">{pair[0]}</{tag}>\n'
                f'{indent}<{tag} xml:lang="en">{pair[1]}</{tag}>\n')

    def items(self, outer, inner, count, make):
        parts = [f"    <{outer}>\n"]
        for _ in range(count):
            parts.append(f"      <{inner}>\n{self.texts('text', make(), '        ')}      </{inner}>\n")
        parts.append(f"    </{outer}>\n")
        return "".join(parts)

    def workshop(self, index, ids):
        r = self.rng
        topic = r.choice(TOPICS)
        obj = r.randrange(len(OBJECTS))
        wid = f"w{index:06d}-{topic[2]}-{obj}"
        activities = []
        for _ in range(r.randint(3, 8)):
            activities.append(r.choice((5, 10, 15, 20, 20, 30, 30, 45, 60)))
        minutes = min(1440, sum(activities) + r.choice((0, 0, 5, 10, 15, 30)))
        low = r.randint(1, 8)
        high = r.randint(max(low, 6), 30)
        title = (f"{topic[0]} {self.objects[obj][0]}", f"{topic[1]} {self.objects[obj][1]}")
        parts = [f'  <workshop id="{wid}" category="{r.choice(CATEGORIES)}" minutes="{minutes}" '
                 f'minParticipants="{low}" maxParticipants="{high}">\n',
                 self.texts("title", title, "    "), self.texts("summary", self.paragraph(2, 5), "    ")]
        if ids and r.random() < 0.7:
            window = ids[-300:]
            required = r.sample(window, min(len(window), r.choice((1, 1, 1, 2, 2, 3))))
            parts.append("    <prerequisites>\n")
            parts.extend(f'      <requires ref="{ref}"/>\n' for ref in required)
            parts.append("    </prerequisites>\n")
        parts.append(self.items("objectives", "objective", r.randint(2, 6), lambda: self.paragraph(1, 2)))
        if r.random() < 0.9:
            parts.append(self.items("materials", "material", r.randint(1, 5), lambda: r.choice(self.materials)))
        if r.random() < 0.9:
            parts.append(self.items("competencies", "competency", r.randint(1, 4), lambda: self.paragraph(1, 1)))
        parts.append("    <outline>\n")
        for m in activities:
            parts.append(f'      <activity minutes="{m}">\n')
            parts.append(self.texts("title", self.paragraph(1, 1), "        "))
            if r.random() < 0.9:
                parts.append(self.texts("description", self.paragraph(2, 6), "        "))
            parts.append("      </activity>\n")
        parts.append("    </outline>\n  </workshop>\n")
        ids.append(wid)
        return "".join(parts)

    def write(self, path, curriculum, target_bytes):
        r = self.rng
        header = (f'<?xml version="1.0" encoding="UTF-8"?>\n'
                  f'<curriculum xmlns="urn:selfformation:curriculum:1" id="{curriculum}" version="1">\n'
                  f'  <title xml:lang="es">Banco de pruebas: {target_bytes >> 20} MB de talleres</title>\n'
                  f'  <title xml:lang="en">Benchmark bench: {target_bytes >> 20} MB of workshops</title>\n')
        header += self.texts("description", self.paragraph(3, 6), "  ")
        header += ("  <council>Consejo Productivo de Trabajadores (datos generados para pruebas de rendimiento)</council>\n"
                   f"  <plant>{r.choice(PLANT_WORDS)} {r.choice(PLANT_NAMES)}</plant>\n"
                   "  <license>CC-BY-SA-4.0</license>\n\n")
        ids, written, count = [], 0, 0
        tmp = path + ".part"
        with open(tmp, "w", encoding="utf-8", newline="\n") as out:
            out.write(header)
            written += len(header.encode())
            while written < target_bytes or count == 0:
                chunk = self.workshop(count + 1, ids)
                out.write(chunk)
                written += len(chunk.encode())
                count += 1
            out.write("</curriculum>\n")
        os.replace(tmp, path)
        return count


def make_pack(args):
    rng = random.Random(args.seed)
    target = int(args.megabytes * (1 << 20))
    curriculum = args.id or f"bench-{args.megabytes:g}mb".replace(".", "-")
    count = PackWriter(rng).write(args.out, curriculum, target)
    print(f"{args.out}: curriculum {curriculum}, {count} workshops, {os.path.getsize(args.out)} bytes", file=sys.stderr)


# ---------------------------------------------------------------------------------------------
# Databases

def uuid4(rng):
    return str(uuid.UUID(int=rng.getrandbits(128), version=4))


def day_number(date):
    return date.toordinal()


def epoch(date, minutes_local):
    """Seconds since 1970 (UTC) of a local wall-clock time in Caracas on `date`."""
    midnight = (date - datetime.date(1970, 1, 1)).days * 86400
    return midnight + minutes_local * 60 + ZONE_OFFSET


def run(cmd):
    result = subprocess.run(cmd, capture_output=True, text=True)
    if result.returncode != 0:
        sys.exit(f"bench-generate: {' '.join(cmd)} failed ({result.returncode}): {result.stderr.strip()}")


def make_database(args):
    rng = random.Random(args.seed)
    path = args.database
    for suffix in ("", "-wal", "-shm"):
        if os.path.exists(path + suffix):
            os.remove(path + suffix)
    # The schema comes from formation itself: the import creates and migrates the database.
    curricula = sorted(os.path.join(ROOT, "Curricula", f) for f in os.listdir(os.path.join(ROOT, "Curricula")) if f.endswith(".xml"))
    run([args.formation, "import", "--database", path] + curricula)

    db = sqlite3.connect(path, isolation_level=None)
    db.execute("PRAGMA journal_mode=DELETE")       # back to WAL at the end, as formation leaves it
    db.execute("PRAGMA synchronous=OFF")
    db.execute("PRAGMA cache_size=-1000000")
    db.execute("PRAGMA foreign_keys=ON")

    workshops = list(db.execute("SELECT curriculumId, id, minutes, maxParticipants FROM workshop ORDER BY curriculumId, position"))
    refs = [(c, w) for c, w, _, _ in workshops]
    minutes = {(c, w): m for c, w, m, _ in workshops}
    capacity = {(c, w): x for c, w, _, x in workshops}
    prereqs = {ref: [] for ref in refs}
    for c, w, rc, rw in db.execute("SELECT curriculumId, workshopId, requiredCurriculumId, requiredWorkshopId FROM prerequisite"):
        prereqs[(c, w)].append((rc, rw))

    db.execute("BEGIN")
    # Plants.
    plant_count = args.plants or max(3, args.battles // 5)
    plants, names = [], set()
    for i in range(plant_count):
        pid = uuid4(rng)
        name = f"{rng.choice(PLANT_WORDS)} {rng.choice(PLANT_NAMES)}"
        while name in names:
            name = f"{name} {len(names) % 97 + 2}"
        names.add(name)
        ownership = rng.choices(["state", "worker-controlled", "private"], [5, 3, 2])[0]
        plants.append((pid, name, rng.choice(STATES), rng.choice(SECTORS), ownership))
    db.executemany("INSERT INTO plant (id, name, state, sector, ownership) VALUES (?, ?, ?, ?, ?)", plants)

    # People.
    people = []
    for i in range(args.people):
        names_of = FIRST_F if rng.random() < 0.45 else FIRST_M
        first = rng.choice(names_of) + (" " + rng.choice(names_of) if rng.random() < 0.4 else "")
        name = f"{first} {rng.choice(SURNAMES)} {rng.choice(SURNAMES)}"
        sector = rng.choices(["public", "private", None], [14, 5, 1])[0]
        people.append((uuid4(rng), name, rng.choice(plants)[0], 1 if rng.random() < 0.3 else 0, sector))
    db.executemany("INSERT INTO person (id, name, plantId, retired, sector) VALUES (?, ?, ?, ?, ?)", people)
    person_ids = [p[0] for p in people]

    # Battles: five days each, spread from 2017 to early 2027 (a few still to come), in date order.
    heavy = args.profile == "heavy"
    # Heavy tail: eagerness to volunteer (Pareto), veterans by state, workshop popularity (1 / rank).
    cumulative, total_weight = [], 0.0
    veterans_by_state, veteran_set = {}, set()
    popularity = {}
    if heavy:
        for _ in range(args.people):
            total_weight += min(rng.paretovariate(1.3), 200.0)
            cumulative.append(total_weight)
        veteran_count = args.veterans if args.veterans is not None else max(3, args.people // 333)
        plant_state = {p[0]: p[2] for p in plants}
        for p in rng.sample(range(args.people), min(veteran_count, args.people)):
            veteran_set.add(p)
            veterans_by_state.setdefault(plant_state[people[p][2]], []).append(p)
        ranked = sorted(refs, key=lambda ref: (ref != ("freehand-drawing", "proportion-by-eye"), rng.random()))
        popularity = {ref: 1.0 / (rank + 1) for rank, ref in enumerate(ranked)}

    def volunteer():
        if not heavy:
            return rng.randrange(args.people)
        return min(args.people - 1, bisect.bisect_left(cumulative, rng.random() * total_weight))

    first_day, last_day = datetime.date(2017, 1, 9), datetime.date(2027, 1, 25)
    span = (last_day - first_day).days
    starts = sorted(first_day + datetime.timedelta(days=rng.randrange(span)) for _ in range(args.battles))
    now = datetime.datetime.now(datetime.timezone.utc).timestamp()

    per_battle = [args.sessions // args.battles + (1 if i < args.sessions % args.battles else 0) for i in range(args.battles)]
    mean_people = args.participations / max(1, args.sessions)
    # Participants per session: 5..25, triangular with the mode set so the mean meets the target.
    mode = min(25.0, max(5.0, 3 * (mean_people - 1.3) - 30))
    slots_per_day = [(8 * 60, "morning"), (14 * 60, "afternoon")]
    last_end = [0] * args.people               # ordinal day each person's last battle ended
    attended = {ref: set() for ref in refs}    # who attended (status attended) each workshop
    taught = {ref: set() for ref in refs}
    known_list = {ref: [] for ref in refs}     # attended or taught, as a list to sample from
    counts = {"plants": len(plants), "people": len(people), "battles": 0, "sessions": 0, "participations": 0, "shifts": 0}
    shift_quota_total = args.shifts if args.shifts is not None else args.participations // 10

    for b, start in enumerate(starts):
        sessions_here = per_battle[b]
        end = start + datetime.timedelta(days=4)
        plant = rng.choice(plants)
        battle_id = uuid4(rng)
        db.execute("INSERT INTO battle (id, name, plantId, startDate, endDate, timeZone) VALUES (?, ?, ?, ?, ?, ?)",
                   (battle_id, f"Batalla {b + 1} de {plant[1]}", plant[0], start.isoformat(), end.isoformat(), ZONE))
        counts["battles"] += 1
        slots = [(start + datetime.timedelta(days=d), m, label) for d in range(5) for m, label in slots_per_day]
        concurrent = -(-sessions_here // len(slots)) if sessions_here else 0
        pool_size = min(args.people, max(60, int(concurrent * 27 * 1.6)))
        # The battle's volunteers: people not at another battle at the time.
        pool, chosen, tries = [], set(), 0
        # Veterans of the battle's state come to most of its battles.
        veterans_here, teaching_left = [], {}
        for p in veterans_by_state.get(plant[2], []):
            if last_end[p] < day_number(start) and rng.random() < 0.85:
                chosen.add(p)
                pool.append(p)
                veterans_here.append(p)
                teaching_left[p] = rng.randint(2, 4)
        while len(pool) < pool_size and tries < pool_size * 50:
            tries += 1
            p = volunteer()
            if p not in chosen and last_end[p] < day_number(start):
                chosen.add(p)
                pool.append(p)
        # New learners per workshop: in the pool, meeting the prerequisites, not attended yet.
        eligible = {}
        for ref in refs:
            need = prereqs[ref]
            eligible[ref] = [p for p in pool if all(p in attended[q] for q in need)]
        learned_here = {ref: set() for ref in refs}
        busy_day = {}                              # (person, day) -> set of slot labels
        session_rows, participation_rows = [], []
        remaining = sessions_here
        for slot_index, (day, minute, label) in enumerate(slots):
            here = min(concurrent, remaining)
            remaining -= here
            if here <= 0:
                continue
            busy = set()
            rooms = ROOMS[:] if here <= len(ROOMS) else ROOMS + [f"Aula {i}" for i in range(1, here - len(ROOMS) + 1)]
            rng.shuffle(rooms)
            for s in range(here):
                if heavy:
                    # By popularity, among workshops someone here may take (prerequisites met).
                    candidates = [ref for ref in refs if eligible[ref]] or refs
                    ref = rng.choices(candidates, [popularity[r] for r in candidates])[0]
                else:
                    # The workshop with the most new learners free now, with some chance.
                    scored = []
                    for ref in rng.sample(refs, min(8, len(refs))):
                        fresh = sum(1 for p in eligible[ref][:120] if p not in busy and p not in attended[ref] and p not in learned_here[ref])
                        scored.append((fresh + rng.random() * 4, ref))
                    ref = max(scored)[1]
                # Facilitators: a veteran here (they teach anything), someone in the pool who learned or
                # taught it, else someone who travels in.
                facilitators = []
                want = 1 if rng.random() < 0.7 else 2
                for p in veterans_here:
                    if p not in busy and teaching_left[p] > 0 and rng.random() < 0.6:
                        teaching_left[p] -= 1
                        facilitators.append(p)
                        break
                for p in ([] if len(facilitators) == want else rng.sample(pool, min(len(pool), 40))):
                    if p not in busy and p not in facilitators and p not in veteran_set and (p in attended[ref] or p in taught[ref]):
                        facilitators.append(p)
                        if len(facilitators) == want:
                            break
                if not facilitators and known_list[ref]:
                    for _ in range(20):
                        p = rng.choice(known_list[ref])
                        if p not in busy and p not in chosen and last_end[p] < day_number(start):
                            chosen.add(p)
                            pool.append(p)
                            facilitators.append(p)
                            break
                if not facilitators:  # the first time anyone teaches it: brought from outside
                    for p in rng.sample(pool, len(pool)):
                        if p not in busy:
                            facilitators.append(p)
                            break
                busy.update(facilitators)
                # 5-25 participants, within the workshop's limit (more is a conflict a facilitator must force).
                size = min(capacity[ref], int(round(rng.triangular(5, 25, mode))))
                participants = []
                for p in eligible[ref]:
                    if len(participants) == size:
                        break
                    if p not in busy and p not in attended[ref] and p not in learned_here[ref] and p not in veteran_set:
                        participants.append(p)
                if len(participants) < size:     # refreshers: meet the prerequisites, attended before
                    for p in eligible[ref]:
                        if len(participants) == size:
                            break
                        if p not in busy and p not in participants and p not in veteran_set:
                            participants.append(p)
                busy.update(participants)
                # Rotate the eligible list, so the next session of this workshop draws other people.
                if eligible[ref]:
                    k = rng.randrange(len(eligible[ref]))
                    eligible[ref] = eligible[ref][k:] + eligible[ref][:k]

                session_id = uuid4(rng)
                length = minutes[ref]
                s_start = epoch(day, minute)
                s_end = s_start + length * 60
                cancelled = 1 if rng.random() < 0.02 else 0
                session_rows.append((session_id, battle_id, ref[0], ref[1], s_start, s_end, rooms[s], cancelled))
                past = s_end <= now and not cancelled
                for p in facilitators:
                    status = ("attended" if rng.random() < 0.97 else "absent") if past else "registered"
                    participation_rows.append((session_id, person_ids[p], "facilitator", status))
                    if status != "absent" and past:
                        if p not in taught[ref] and p not in attended[ref]:
                            known_list[ref].append(p)
                        taught[ref].add(p)
                for p in participants:
                    if past:
                        x = rng.random()
                        status = "attended" if x < 0.86 else ("absent" if x < 0.96 else "registered")
                    else:
                        status = "registered"
                    participation_rows.append((session_id, person_ids[p], "participant", status))
                    if status == "attended":
                        learned_here[ref].add(p)
                for p in facilitators + participants:
                    busy_day.setdefault((p, day), set()).add(label)
        db.executemany('INSERT INTO session (id, battleId, curriculumId, workshopId, start, "end", place, cancelled) '
                       'VALUES (?, ?, ?, ?, ?, ?, ?, ?)', session_rows)
        db.executemany("INSERT INTO participation (sessionId, personId, role, status) VALUES (?, ?, ?, ?)", participation_rows)
        counts["sessions"] += len(session_rows)
        counts["participations"] += len(participation_rows)
        # What people learned here counts from the next battle on.
        for ref, learners in learned_here.items():
            for p in learners:
                if p not in attended[ref] and p not in taught[ref]:
                    known_list[ref].append(p)
                attended[ref].add(p)
        for p in pool:
            last_end[p] = day_number(end)
        # Repair shifts, in the half-day a person is not learning.
        quota = shift_quota_total // args.battles + (1 if b < shift_quota_total % args.battles else 0)
        shift_rows = []
        days = [start + datetime.timedelta(days=d) for d in range(5)]
        for _ in range(quota):
            p, day = rng.choice(pool), rng.choice(days)
            used = busy_day.get((p, day), set())
            if "morning" not in used and "afternoon" not in used:
                span_minutes = (7 * 60, 15 * 60)
            elif "morning" not in used:      # learning from 14:00: repairs in the morning
                span_minutes = (6 * 60, 13 * 60 + 30)
            elif "afternoon" not in used:    # learning until 12:00 at the latest: repairs after lunch
                span_minutes = (12 * 60 + 30, 20 * 60)
            else:
                continue
            busy_day.setdefault((p, day), set()).update(("morning", "afternoon"))
            shift_rows.append((uuid4(rng), battle_id, person_ids[p], epoch(day, span_minutes[0]), epoch(day, span_minutes[1])))
        db.executemany('INSERT INTO shift (id, battleId, personId, start, "end") VALUES (?, ?, ?, ?, ?)', shift_rows)
        counts["shifts"] += len(shift_rows)
        if args.progress and (b + 1) % max(1, args.battles // 20) == 0:
            print(f"  {b + 1}/{args.battles} battles, {counts['participations']} participations", file=sys.stderr)
    db.execute("COMMIT")
    db.execute("PRAGMA journal_mode=WAL")
    db.close()
    print(" ".join(f"{k}={v}" for k, v in counts.items()))


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    sub = parser.add_subparsers(dest="what", required=True)
    p = sub.add_parser("pack", help="write a curriculum pack of about the given size")
    p.add_argument("--megabytes", type=float, required=True)
    p.add_argument("--out", required=True)
    p.add_argument("--id", help="curriculum id (default bench-<N>mb)")
    p.add_argument("--seed", type=int, default=1)
    d = sub.add_parser("database", help="fill a database at the given scale")
    d.add_argument("--database", required=True)
    d.add_argument("--formation", required=True, help="the formation binary (creates the schema, imports Curricula/)")
    d.add_argument("--people", type=int, required=True)
    d.add_argument("--battles", type=int, required=True)
    d.add_argument("--sessions", type=int, required=True)
    d.add_argument("--participations", type=int, required=True)
    d.add_argument("--plants", type=int, help="default: battles / 5")
    d.add_argument("--shifts", type=int, help="default: participations / 10")
    d.add_argument("--seed", type=int, default=1)
    d.add_argument("--progress", action="store_true")
    d.add_argument("--profile", choices=["heavy", "uniform"], default="uniform",
                   help="heavy: veterans, workshops by a power law, eager volunteers (see above); uniform: the old one")
    d.add_argument("--veterans", type=int, help="heavy profile: how many veterans (default people / 333)")
    args = parser.parse_args()
    if args.what == "pack":
        make_pack(args)
    else:
        make_database(args)


if __name__ == "__main__":
    main()
