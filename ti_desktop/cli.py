"""Command line (see docs/ARCHITECTURE.md): the GUI by default, subcommands for headless work.

Known failures print one French line on stderr and exit 1; a bug prints one line too (never a
traceback) and leaves the details in the log file.
"""

from __future__ import annotations

import argparse
import contextlib
import datetime as dt
import json
import os
import re
import sys
import traceback
from collections.abc import Iterator, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any, NoReturn

from ti_desktop import APP_NAME, __version__
from ti_desktop.domain.errors import TiDesktopError
from ti_desktop.kernel.clock import Clock
from ti_desktop.kernel.files import private_folder
from ti_desktop.kernel.formatting import format_number
from ti_desktop.paths import UserDirs, choose_database_path

if TYPE_CHECKING:  # the services load only when a command opens a base
    from ti_desktop.services.maintenance import Credentials, OpenDatabase

EXIT_OK = 0
EXIT_FAILURE = 1
EXIT_USAGE = 2
EXIT_BUG = 70

COUNT_LABELS = {
    "territories": "Territoires",
    "actions": "Actions",
    "funding_lines": "Lignes de financement",
    "milestones": "Jalons",
    "indicators": "Indicateurs",
    "indicator_values": "Mesures d'indicateurs",
    "progress_updates": "Points d'avancement",
    "actors": "Acteurs",
    "meetings": "Réunions",
    "decisions": "Décisions",
}


# argparse speaks English; the messages a user can meet, in French.
_ARGPARSE_MESSAGES = [
    (re.compile(r"the following arguments are required: (.+)"), r"arguments obligatoires manquants : \1"),
    (re.compile(r"unrecognized arguments: (.+)"), r"arguments inconnus : \1"),
    (
        re.compile(r"argument (-\S+): invalid choice: (.+?) \(choose from (.+)\)"),
        r"l'option \1 ne connaît pas \2 (possibles : \3)",
    ),
    (
        re.compile(r"argument (\S+): invalid choice: (.+?) \(choose from (.+)\)"),
        r"commande inconnue : \2 (possibles : \3)",
    ),
    (re.compile(r"argument (.+): expected one argument"), r"l'option \1 attend une valeur"),
    (re.compile(r"argument (\S+): not allowed with argument (\S+)"), r"les options \2 et \1 s'excluent"),
]


def translate_argparse_message(message: str) -> str:
    for pattern, french in _ARGPARSE_MESSAGES:
        if pattern.fullmatch(message):
            return pattern.sub(french, message)
    return message


class FrenchHelpFormatter(argparse.HelpFormatter):
    def add_usage(self, usage: str | None, actions: Any, groups: Any, prefix: str | None = None) -> None:
        super().add_usage(usage, actions, groups, "utilisation : " if prefix is None else prefix)


class FrenchArgumentParser(argparse.ArgumentParser):
    """Help and errors in French; an error is one line on stderr (exit 2)."""

    def __init__(self, *args: Any, add_help: bool = True, **kwargs: Any) -> None:
        kwargs.setdefault("formatter_class", FrenchHelpFormatter)
        kwargs["add_help"] = False  # our own -h, with a French help text
        super().__init__(*args, **kwargs)
        self._positionals.title = "arguments"
        self._optionals.title = "options"
        if add_help:
            self.add_argument("-h", "--help", action="help", help="afficher cette aide et quitter")

    def error(self, message: str) -> NoReturn:
        self.exit(
            EXIT_USAGE,
            f"ti-desktop : {translate_argparse_message(message)} (voir « {self.prog} --help »).\n",
        )


def build_parser() -> FrenchArgumentParser:
    database = FrenchArgumentParser(add_help=False)
    database.add_argument(
        "--db",
        metavar="CHEMIN",
        # SUPPRESS: a subcommand without --db must not reset the value given before it (`ti-desktop --db X demo`).
        default=argparse.SUPPRESS,
        help="fichier de base SQLite (par défaut : $TI_DESKTOP_DB, sinon le dossier de données de l'utilisateur)",
    )
    database.add_argument(
        "--database-url",
        metavar="URL",
        default=argparse.SUPPRESS,
        help="base partagée sur un serveur PostgreSQL (postgresql+psycopg://utilisateur@serveur/base ; par défaut : "
        "$TI_DESKTOP_DATABASE_URL)",
    )
    parser = FrenchArgumentParser(
        prog="ti-desktop",
        description=f"{APP_NAME} : diagnostic, plan d'action et rapports d'un Territoire d'industrie.",
        parents=[database],
    )
    parser.add_argument(
        "--version", action="version", version=f"{APP_NAME} {__version__}", help="afficher la version et quitter"
    )
    commands = parser.add_subparsers(dest="command", metavar="COMMANDE", parser_class=FrenchArgumentParser)
    commands.add_parser("demo", parents=[database], help="créer le territoire de démonstration")
    init = commands.add_parser("init", parents=[database], help="créer un territoire vide (pour y importer son plan)")
    init.add_argument("--name", metavar="NOM", required=True, help="le nom du territoire")
    check = commands.add_parser("check", parents=[database], help="révision du schéma, intégrité, nombre de lignes")
    check.add_argument("--json", action="store_true", help="un objet JSON sur la sortie standard")
    backup = commands.add_parser("backup", parents=[database], help="sauvegarde en ligne, vérifiée")
    backup.add_argument("-o", "--output", metavar="FICHIER", help="fichier de sauvegarde (sinon horodaté)")
    restore = commands.add_parser(
        "restore", parents=[database], help="vérifier une sauvegarde, sauvegarder la base, puis la remplacer"
    )
    restore.add_argument("file", metavar="FICHIER", help="la sauvegarde à restaurer")
    report = commands.add_parser(
        "report", parents=[database], help="écrire le rapport d'avancement (PDF) pour la Région"
    )
    report.add_argument("--territory", metavar="NOM|ID", help="le territoire (par défaut : le seul de la base)")
    report.add_argument(
        "--from",
        dest="date_from",
        metavar="DATE",
        help="début de la période (15/03/2025 ou 2025-03-15 ; par défaut : le 1er janvier de l'année en cours)",
    )
    report.add_argument("--to", dest="date_to", metavar="DATE", help="fin de la période (par défaut : aujourd'hui)")
    report.add_argument("--annex", action="store_true", help="ajouter en annexe une page par fiche-action")
    report.add_argument("-o", "--output", metavar="FICHIER.pdf", required=True, help="le fichier PDF à écrire")
    importing = commands.add_parser(
        "import",
        parents=[database],
        help="importer un plan d'action (.xlsx, .xls, .ods, .csv ; Territoires en Transitions reconnu)",
    )
    importing.add_argument("file", metavar="FICHIER", nargs="?", help="le fichier à importer")
    target = importing.add_mutually_exclusive_group()
    target.add_argument("--territory", metavar="NOM|ID", help="le territoire (par défaut : le seul de la base)")
    target.add_argument(
        "--new-territory",
        metavar="NOM",
        help="créer ce territoire avec le plan importé (rien n'est créé si le fichier est refusé)",
    )
    importing.add_argument("--sheet", metavar="FEUILLE", help="la feuille des actions (par défaut : devinée)")
    importing.add_argument(
        "--mapping",
        metavar="FICHIER.json",
        help='correspondance des colonnes : {"titre de colonne": "champ"} (champs : --fields)',
    )
    importing.add_argument(
        "--unmapped",
        choices=("keep", "notes", "ignore"),
        default="keep",
        help="une colonne remplie qui ne correspond à aucun champ : keep la garde comme champ personnalisé du "
        "territoire (par défaut : rien n'est perdu), notes l'ajoute aux notes de la fiche, ignore ne l'importe pas "
        "(elle reste citée dans le rapport) ; une correspondance (--mapping) décide colonne par colonne",
    )
    importing.add_argument(
        "--dry-run", action="store_true", help="afficher le rapport et ce qui changerait, sans rien écrire"
    )
    importing.add_argument(
        "--fields", action="store_true", help="lister les champs qu'une correspondance de colonnes peut viser"
    )
    importing.add_argument(
        "--indicateurs",
        action="store_true",
        help="le fichier contient des valeurs d'indicateurs (indicateur, date ou année, valeur, unité, source)",
    )
    copy = commands.add_parser(
        "copy", help="copier toute la base (tous les territoires, tout l'historique) entre fichier et serveur"
    )
    copy.add_argument("--from", dest="source", metavar="FICHIER|URL", required=True, help="la base à copier")
    copy.add_argument(
        "--to", dest="destination", metavar="FICHIER|URL", required=True, help="la base neuve qui la reçoit"
    )
    export = commands.add_parser(
        "export",
        parents=[database],
        help="exporter le plan d'action (.xlsx, .csv ou classeur Territoires en Transitions)",
    )
    export.add_argument("--territory", metavar="NOM|ID", help="le territoire (par défaut : le seul de la base)")
    export.add_argument(
        "--format",
        choices=("xlsx", "csv", "tet"),
        help="xlsx (5 feuilles), csv (actions, pour Excel) ou tet (Territoires en Transitions) ; "
        "par défaut : d'après l'extension du fichier",
    )
    export.add_argument(
        "--tet-layout",
        choices=("modele", "ancien"),
        help="avec --format tet : le modèle d'import actuel de Territoires en Transitions (modele, par défaut) ou "
        "l'ancien modèle à 28 colonnes (ancien)",
    )
    export.add_argument(
        "--confidentielles", action="store_true", help="inclure les actions confidentielles (exclues par défaut)"
    )
    export.add_argument("-o", "--output", metavar="FICHIER", required=True, help="le fichier à écrire")
    minutes = commands.add_parser(
        "minutes", parents=[database], help="écrire le compte rendu et relevé de décisions d'une réunion (PDF)"
    )
    minutes.add_argument(
        "meeting_id", metavar="ID_RÉUNION", action=MeetingIdAction, help="le numéro de la réunion dans la base"
    )
    minutes.add_argument("-o", "--output", metavar="FICHIER.pdf", required=True, help="le fichier PDF à écrire")
    consolidate = commands.add_parser(
        "consolidate",
        parents=[database],
        help="Région : ajouter les rapports reçus des territoires (PDF, JSON, xlsx, dossiers) à la consolidation",
    )
    consolidate.add_argument(
        "files", metavar="FICHIER", nargs="*", help="les rapports reçus, ou des dossiers qui en contiennent"
    )
    consolidate.add_argument(
        "--list", dest="list_reports", action="store_true", help="lister les rapports déjà reçus (sans rien ajouter)"
    )
    consolidate.add_argument(
        "-o",
        "--output",
        metavar="SYNTHESE.pdf|.xlsx",
        help="écrire la synthèse régionale de tous les rapports reçus (PDF ou xlsx, qui portent leurs données)",
    )
    add_access_commands(commands, database)
    return parser


LEVEL_CHOICES = "lecture|edition|admin|region"


def add_access_commands(commands: Any, database: FrenchArgumentParser) -> None:
    """`ti-desktop access grant|revoke|list`: who may see and change which territory of a shared base."""
    access = commands.add_parser(
        "access",
        parents=[database],
        help="base partagée : accorder, retirer ou lister les accès des personnes aux territoires",
    )
    actions = access.add_subparsers(
        dest="access_command", metavar="ACTION", parser_class=FrenchArgumentParser, required=True
    )
    grant = actions.add_parser(
        "grant", parents=[database], help="accorder un niveau d'accès à un rôle PostgreSQL sur un territoire"
    )
    grant.add_argument("role", metavar="RÔLE", help="le rôle PostgreSQL de la personne (créé par l'informatique)")
    grant.add_argument("--territory", metavar="NOM", required=True, action="append", help="le territoire (répétable)")
    grant.add_argument(
        "--level",
        metavar=LEVEL_CHOICES,
        required=True,
        help="lecture : consulter ; edition : consulter et modifier ; admin : aussi gérer les accès ; "
        "region : consulter sans les actions confidentielles",
    )
    grant.add_argument(
        "--confidential",
        action="store_true",
        help="niveau region : montrer aussi les actions confidentielles du territoire",
    )
    revoke = actions.add_parser("revoke", parents=[database], help="retirer l'accès d'un rôle à un territoire")
    revoke.add_argument("role", metavar="RÔLE", help="le rôle PostgreSQL de la personne")
    revoke.add_argument("--territory", metavar="NOM", required=True, action="append", help="le territoire (répétable)")
    listing = actions.add_parser(
        "list", parents=[database], help="lister les accès (les vôtres, ceux des territoires que vous administrez)"
    )
    listing.add_argument("--territory", metavar="NOM", help="seulement ce territoire")
    listing.add_argument("--json", action="store_true", help="un tableau JSON sur la sortie standard")


class MeetingIdAction(argparse.Action):
    """`ti-desktop minutes 3`: a positive whole number, else a French usage error (exit 2)."""

    def __call__(
        self, parser: argparse.ArgumentParser, namespace: argparse.Namespace, values: Any, option: str | None = None
    ) -> None:
        text = str(values)
        try:
            value = int(text.strip())
        except ValueError:
            value = 0
        if not 0 < value < 2**63:  # SQLite's integers
            parser.error(f"« {text} » n'est pas un numéro de réunion (un nombre entier, par exemple 2)")
        setattr(namespace, self.dest, value)


_DATE_FORMATS = ("%d/%m/%Y", "%Y-%m-%d")


def parse_cli_date(text: str, option: str) -> dt.date:
    """`15/03/2025` or `2025-03-15`; anything else is a French error naming the option."""
    for date_format in _DATE_FORMATS:
        try:
            return dt.datetime.strptime(text.strip(), date_format).date()
        except ValueError:
            continue
    raise TiDesktopError(f"{option} : « {text} » n'est pas une date valide (écrivez-la 15/03/2025 ou 2025-03-15).")


# Where the data lives: a SQLite file, or the address of a shared base on a server.
Target = Path | str


def open_for(target: Target, clock: Clock, *, create: bool = False) -> OpenDatabase:
    """The services on a file (created when `create`) or on a server base."""
    from ti_desktop.services.maintenance import open_server_services, open_services

    if isinstance(target, str):
        return open_server_services(target, clock=clock, credentials=terminal_credentials())
    return open_services(target, clock=clock, create=create)


def terminal_credentials() -> Credentials:
    """A server's password: PostgreSQL's own means first (.pgpass, service file, PGPASSWORD), then the system's
    keychain (where the window may have remembered it), then asked on the terminal without echo (`getpass`);
    never from the command line. Without a terminal (a script), nobody is asked."""
    from ti_desktop.services.keychain import KeyringStore
    from ti_desktop.services.maintenance import Credentials, PasswordAnswer

    def ask(address: str, refused: bool) -> PasswordAnswer | None:
        if not sys.stdin.isatty():
            return None
        import getpass

        if refused:
            print("Mot de passe refusé par le serveur.", file=sys.stderr)
        try:
            password = getpass.getpass(f"Mot de passe pour « {address} » : ")
        except (EOFError, KeyboardInterrupt):
            return None
        return PasswordAnswer(password) if password else None

    return Credentials(prompt=ask, store=KeyringStore())


def run_demo(database: Target, clock: Clock) -> int:
    from ti_desktop.services.demo import create_demo_territory

    opened = open_for(database, clock, create=True)
    try:
        territory = create_demo_territory(opened.services)
        counts = opened.services.summary.plan_summary(territory.id, clock.today()).status_counts
    finally:
        opened.close()
    print(f"Territoire de démonstration « {territory.name} » créé dans « {database} » ({counts.total} actions).")
    return EXIT_OK


def run_init(database: Target, name: str, clock: Clock) -> int:
    """An empty territory (the four priorities of the programme are every territory's axes)."""
    opened = open_for(database, clock, create=True)
    try:
        territory = opened.services.territories.create_empty(name)
    finally:
        opened.close()
    print(
        f"Territoire « {territory.name} » créé dans « {database} ». Importez son plan d'action avec : "
        f'ti-desktop import FICHIER --territory "{territory.name}"'
    )
    return EXIT_OK


def run_check(database: Path, as_json: bool) -> int:
    from ti_desktop.services.database_errors import one_line
    from ti_desktop.services.maintenance import check_database

    report = check_database(database)
    if as_json:
        print(json.dumps(report.as_json(), ensure_ascii=False))
    else:
        state = "à jour" if report.up_to_date else f"sera mise à jour vers {report.head_revision} à l'ouverture"
        print(f"Base : {report.path}")
        print(f"Révision du schéma : {report.schema_revision or 'aucune'} ({state})")
        print(f"Intégrité : {one_line(report.integrity)}")
        for key, count in report.counts.items():
            print(f"{COUNT_LABELS[key]} : {format_number(count)}")
    if report.integrity != "ok":
        from ti_desktop.services.database_errors import DatabaseDamagedError

        raise DatabaseDamagedError(database, report.integrity)  # one line, naming the backup to restore
    return EXIT_OK


def run_backup(database: Path, output: str | None, clock: Clock) -> int:
    from ti_desktop.services.maintenance import backup_now

    info = backup_now(database, clock, Path(output).expanduser().absolute() if output else None)
    print(
        f"Sauvegarde vérifiée : « {info.path} » ({format_number(info.size_bytes)} octets, "
        f"{info.counts.get('actions', 0)} actions)."
    )
    return EXIT_OK


def run_restore(database: Path, backup_file: str, clock: Clock) -> int:
    from ti_desktop.services.maintenance import restore_backup

    restored, safety = restore_backup(Path(backup_file).expanduser().absolute(), database, clock)
    print(f"Base « {database} » restaurée depuis « {restored.path} » ({restored.counts.get('actions', 0)} actions).")
    if safety is not None:
        print(f"L'ancienne base a d'abord été sauvegardée dans « {safety.path} ».")
    elif Path(f"{database}.damaged").exists():
        print(f"L'ancienne base, endommagée, a été conservée telle quelle dans « {database}.damaged ».")
    return EXIT_OK


def run_report(database: Target, args: argparse.Namespace, clock: Clock) -> int:
    from ti_desktop.domain.report_options import ReportOptions
    from ti_desktop.services.reporting import CARRIED_DATA

    today = clock.today()
    period_from = parse_cli_date(args.date_from, "--from") if args.date_from else dt.date(today.year, 1, 1)
    period_to = parse_cli_date(args.date_to, "--to") if args.date_to else today
    options = ReportOptions(period_from=period_from, period_to=period_to, annex=args.annex)
    output = Path(args.output).expanduser().absolute()
    opened = open_for(database, clock)
    try:
        territory = opened.services.territories.resolve(args.territory)
        written = opened.services.reports.write_pdf(territory.id, options, output, today)
    finally:
        opened.close()
    print(f"Rapport d'avancement de « {territory.name} » {options.period_label} écrit dans « {written} ».")
    print(CARRIED_DATA)
    return EXIT_OK


def _plural(count: int, singular: str, plural: str) -> str:
    return f"{format_number(count)} {singular if count <= 1 else plural}"


def read_mapping(text: str) -> dict[str, str]:
    """A `--mapping` file: a JSON object {"source header": "field"}; anything else is a French error."""
    path = Path(text).expanduser()
    try:
        content = path.read_text(encoding="utf-8-sig")
    except OSError as error:
        raise TiDesktopError(f"--mapping : impossible de lire « {path} » ({error.strerror or error}).") from error
    except UnicodeDecodeError as error:
        raise TiDesktopError(f"--mapping : « {path} » n'est pas un texte UTF-8.") from error
    try:
        mapping = json.loads(content)
    except json.JSONDecodeError as error:
        raise TiDesktopError(
            f"--mapping : « {path.name} » n'est pas un JSON valide (ligne {error.lineno}, colonne {error.colno} : "
            f"{error.msg})."
        ) from error
    if not isinstance(mapping, dict) or not all(
        isinstance(key, str) and isinstance(value, str) for key, value in mapping.items()
    ):
        raise TiDesktopError(
            f'--mapping : « {path.name} » doit contenir un objet {{"titre de colonne": "champ", …}} '
            "dont les valeurs sont des noms de champs (voir ti-desktop import --fields)."
        )
    return mapping


def print_fields() -> int:
    from ti_desktop.services.import_columns import (
        ACTION_FIELDS,
        APPEND_TO_NOTES,
        FUNDING_FIELDS,
        IGNORE,
        KEEP_AS_CUSTOM,
        MILESTONE_FIELDS,
    )

    groups = (
        ("Feuille des actions", ACTION_FIELDS),
        ("Financements (sur la ligne de l'action, ou feuille « Financements »)", FUNDING_FIELDS),
        ("Jalons (sur la ligne de l'action, ou feuille « Jalons »)", MILESTONE_FIELDS),
    )
    for title, plan_fields in groups:
        print(f"{title} :")
        for plan_field in plan_fields:
            print(f"  {plan_field.key:<22} {plan_field.header} — {plan_field.description}")
        print()
    print("Une colonne qui ne correspond à aucun champ (par défaut : --unmapped keep) :")
    print(f"  {KEEP_AS_CUSTOM:<22} la garder comme champ personnalisé du territoire, sous son titre")
    print(f"  {APPEND_TO_NOTES:<22} l'ajouter aux notes de la fiche (« Titre : valeur »)")
    print(f"  {IGNORE:<22} ne pas importer la colonne (elle reste citée dans le rapport)")
    print()
    print('Exemple de fichier --mapping : {"Intitulé du projet": "titre", "Porteur": "maitre_ouvrage"}')
    return EXIT_OK


def _issue_lines(issues: Sequence[Any]) -> None:
    for issue in issues:
        print(str(issue))


def print_custom_fields(database: Target, territory: str | None, clock: Clock) -> None:
    """The territory's own fields, which a column of the same name fills (and a column mapped to no field joins)."""
    opened = open_for(database, clock)
    try:
        chosen = opened.services.territories.resolve(territory)
        fields = opened.services.custom_fields.for_territory(chosen.id)
    finally:
        opened.close()
    print()
    if not fields:
        print(
            f"Le territoire « {chosen.name} » n'a pas encore de champ personnalisé : une colonne remplie qui ne "
            "correspond à aucun champ en devient un (champ_personnalise)."
        )
        return
    print(f"Champs personnalisés du territoire « {chosen.name} » (une colonne du même nom les remplit) :")
    for field in fields:
        choices = f" ({', '.join(field.choice_list)})" if field.choice_list else ""
        print(f"  {field.name} — {field.kind.label}{choices}")


def run_import(database: Target, args: argparse.Namespace, clock: Clock) -> int:
    if args.fields:
        print_fields()
        # With a base or a territory named, that territory's custom fields too (without: the base may not exist).
        if getattr(args, "db", None) or args.territory or isinstance(database, str):
            print_custom_fields(database, args.territory, clock)
        return EXIT_OK
    if not args.file:
        raise TiDesktopError("import : indiquez le fichier à importer (ou --fields pour lister les champs).")
    if args.indicateurs:
        return run_import_indicators(database, args, clock)
    from ti_desktop.services.importing import ImportPreview, ImportRefusedError, ImportTarget, NewTerritory

    source = Path(args.file).expanduser().absolute()
    mapping = read_mapping(args.mapping) if args.mapping else None
    opened = open_for(database, clock, create=args.new_territory is not None and not args.dry_run)
    try:
        target: ImportTarget
        if args.new_territory is not None:
            target, territory_name = NewTerritory(args.new_territory), args.new_territory.strip()
        else:
            territory = opened.services.territories.resolve(args.territory)
            target, territory_name = territory.id, territory.name
        options: dict[str, Any] = {"sheet": args.sheet, "mapping": mapping, "unmapped": args.unmapped}
        if args.dry_run:
            result: ImportPreview = opened.services.imports.preview(target, source, **options)
        else:
            try:
                result = opened.services.imports.apply(target, source, **options)
            except ImportRefusedError as error:
                result = error.preview
    finally:
        opened.close()
    _issue_lines(result.issues)
    for change in result.changes:
        if change.fields:
            print(f"Ligne {change.row} : « {change.title} » ({change.axis}) : {', '.join(change.fields)} modifiés.")
    created = _plural(result.actions_created, "action créée", "actions créées")
    updated = _plural(result.actions_updated, "mise à jour", "mises à jour")
    unchanged = _plural(result.actions_unchanged, "inchangée", "inchangées")
    funding = _plural(result.funding_lines_created, "ligne de financement ajoutée", "lignes de financement ajoutées")
    milestones = _plural(result.milestones_created, "jalon ajouté", "jalons ajoutés")
    axes = _plural(len(result.axes_created), "axe créé", "axes créés")
    objectives = _plural(result.objectives_created, "objectif créé", "objectifs créés")
    actors = _plural(len(result.actors_created), "acteur ajouté", "acteurs ajoutés")
    summary = f"{created} (dont {format_number(result.sub_actions_created)} sous-actions), {updated}, {unchanged}, "
    summary += f"{funding}, {milestones}, {axes}, {objectives}, {actors}."
    if result.custom_fields_created:
        names = ", ".join(result.custom_fields_created)
        count = len(result.custom_fields_created)
        summary += f" {_plural(count, 'champ personnalisé créé', 'champs personnalisés créés')} : {names}."
    errors = len(result.errors)
    if errors:
        print(
            f"ti-desktop : import refusé : {_plural(errors, 'erreur', 'erreurs')} dans « {source.name} » ; "
            "rien n'a été écrit.",
            file=sys.stderr,
        )
        return EXIT_FAILURE
    created_territory = " (nouveau territoire)" if args.new_territory is not None else ""
    if args.dry_run:
        print(f"Simulation (rien n'a été écrit) pour « {territory_name} »{created_territory} : {summary}")
    else:
        print(f"Import de « {source.name} » dans « {territory_name} »{created_territory} : {summary}")
    for line in result.figures.lines():
        print(line)
    return EXIT_OK


def run_import_indicators(database: Target, args: argparse.Namespace, clock: Clock) -> int:
    from ti_desktop.services.indicator_import import IndicatorImportPreview, IndicatorImportRefusedError

    source = Path(args.file).expanduser().absolute()
    opened = open_for(database, clock)
    try:
        territory = opened.services.territories.resolve(args.territory)
        if args.dry_run:
            result: IndicatorImportPreview = opened.services.indicator_imports.preview(territory.id, source)
        else:
            try:
                result = opened.services.indicator_imports.apply(territory.id, source)
            except IndicatorImportRefusedError as error:
                result = error.preview
    finally:
        opened.close()
    _issue_lines(result.issues)
    summary = (
        f"{_plural(result.values_created, 'valeur ajoutée', 'valeurs ajoutées')}, "
        f"{_plural(result.values_updated, 'valeur modifiée', 'valeurs modifiées')}, "
        f"{_plural(result.values_unchanged, 'inchangée', 'inchangées')}, "
        f"{_plural(len(result.indicators_created), 'indicateur créé', 'indicateurs créés')}."
    )
    if result.errors:
        print(
            f"ti-desktop : import refusé : {_plural(len(result.errors), 'erreur', 'erreurs')} dans "
            f"« {source.name} » ; rien n'a été écrit.",
            file=sys.stderr,
        )
        return EXIT_FAILURE
    prefix = "Simulation (rien n'a été écrit)" if args.dry_run else f"Import de « {source.name} »"
    print(f"{prefix} pour « {territory.name} » : {summary}")
    return EXIT_OK


_EXPORT_SUFFIXES = {".xlsx": "xlsx", ".csv": "csv"}


def run_export(database: Target, args: argparse.Namespace, clock: Clock) -> int:
    from ti_desktop.services.exporting import ExportFormat

    output = Path(args.output).expanduser().absolute()
    chosen = args.format or _EXPORT_SUFFIXES.get(output.suffix.lower())
    if chosen is None:
        raise TiDesktopError(
            f"export : précisez --format xlsx, csv ou tet (l'extension « {output.suffix or 'aucune'} » ne le dit pas)."
        )
    export_format = ExportFormat(chosen)
    if args.tet_layout is not None and export_format is not ExportFormat.TET:
        raise TiDesktopError(f"export : --tet-layout ne vaut que pour --format tet (le format choisi est {chosen}).")
    opened = open_for(database, clock)
    try:
        territory = opened.services.territories.resolve(args.territory)
        result = opened.services.exports.export(
            territory.id,
            export_format,
            output,
            include_confidential=args.confidentielles,
            tet_layout="legacy" if args.tet_layout == "ancien" else "template",
        )
    finally:
        opened.close()
    left_out = ""
    if result.confidential_left_out:
        count = _plural(
            result.confidential_left_out, "action confidentielle laissée", "actions confidentielles laissées"
        )
        left_out = f" ; {count} de côté (--confidentielles pour les inclure)"
    print(
        f"Plan de « {territory.name} » exporté dans « {result.path} » : "
        f"{_plural(result.actions, 'action', 'actions')}, "
        f"{_plural(result.funding_lines, 'ligne de financement', 'lignes de financement')}, "
        f"{_plural(result.milestones, 'jalon', 'jalons')}{left_out}."
    )
    return EXIT_OK


def run_minutes(database: Target, args: argparse.Namespace, clock: Clock) -> int:
    from ti_desktop.domain.errors import NotFoundError
    from ti_desktop.kernel.formatting import format_date

    today = clock.today()
    output = Path(args.output).expanduser().absolute()
    opened = open_for(database, clock)
    try:
        try:
            written = opened.services.minutes.write_pdf(args.meeting_id, output, today)
        except NotFoundError as error:
            known = opened.services.meetings.list()[-10:]
            if known:
                listed = ", ".join(f"n° {m.id} ({m.kind.label} du {format_date(m.held_on)})" for m in known)
                raise NotFoundError(f"{error.message} Réunions de la base : {listed}.") from error
            raise NotFoundError(f"{error.message} La base ne contient aucune réunion.") from error
        meeting = opened.services.meetings.get(args.meeting_id)
    finally:
        opened.close()
    print(f"Compte rendu de la réunion du {format_date(meeting.held_on)} écrit dans « {written} ».")
    print("Ses décisions y sont jointes en données lisibles par un programme (compte-rendu.json).")
    return EXIT_OK


def run_consolidate(database: Target, args: argparse.Namespace, clock: Clock) -> int:
    """Add the received reports to the base's consolidation: one line per report found, then the key figures;
    exit 1 when a file was refused (the others are stored all the same)."""
    from ti_desktop.kernel.formatting import format_date, format_euros

    if not args.files and not args.list_reports and not args.output:
        raise TiDesktopError(
            "consolidate : donnez les rapports reçus (fichiers PDF, JSON, xlsx ou dossiers), --list ou -o SYNTHESE."
        )
    opened = open_for(database, clock, create=bool(args.files))
    try:
        consolidation = opened.services.consolidation
        refused = 0
        if args.files:
            outcome = consolidation.add_files([Path(name).expanduser().absolute() for name in args.files])
            for verdict in outcome.verdicts:
                print(verdict.message)
            refused = len(outcome.refused)
            if not outcome.verdicts:
                print("Aucun rapport trouvé (fichiers .pdf, .json ou .xlsx).")
        if args.list_reports:
            stored = consolidation.stored()
            for report in stored:
                print(
                    f"n° {report.id} : {report.territory} du {format_date(report.period_from)} au "
                    f"{format_date(report.period_to)}, généré le {format_date(report.generated_on)}, "
                    f"{format_number(report.actions)} actions (reçu le {format_date(report.received_at.date())}, "
                    f"« {report.source} »)"
                )
        view = consolidation.view(clock.today())
        written = opened.services.synthesis.write(Path(args.output), clock.today()) if args.output else None
    finally:
        opened.close()
    reports = sum(row.reports for row in view.territories)
    territories = len(view.territories)
    print(
        f"{format_number(reports)} {'rapport' if reports < 2 else 'rapports'} de {format_number(territories)} "
        f"{'territoire' if territories < 2 else 'territoires'} : {format_number(view.projects)} projets, "
        f"{format_euros(view.totals.granted)} de financements accordés, "
        f"{format_number(view.totals.jobs_targeted)} emplois visés."
    )
    if written is not None:
        print(f"Synthèse régionale écrite dans « {written} » ; elle porte ses données et les rapports consolidés.")
    if refused:
        print(
            f"ti-desktop : {format_number(refused)} {'fichier refusé' if refused < 2 else 'fichiers refusés'} "
            "(voir ci-dessus) ; les autres rapports sont enregistrés.",
            file=sys.stderr,
        )
        return EXIT_FAILURE
    return EXIT_OK


def run_access(database: Target, args: argparse.Namespace, clock: Clock) -> int:
    if not isinstance(database, str):
        raise TiDesktopError(
            "access : les accès par territoire concernent une base partagée (--database-url) ; un fichier de base "
            "n'a qu'un utilisateur, qui peut tout faire."
        )
    opened = open_for(database, clock)
    try:
        access = opened.services.access
        if args.access_command == "grant":
            for territory in args.territory:
                entry = access.grant(args.role, territory, args.level, confidential=args.confidential)
                hidden = (
                    "" if entry.confidential or entry.level.value != "region" else ", sans les actions confidentielles"
                )
                print(f"Accès « {entry.level.label} » accordé à « {entry.role} » sur « {entry.territory} »{hidden}.")
        elif args.access_command == "revoke":
            for territory in args.territory:
                access.revoke(args.role, territory)
                print(f"Accès de « {args.role} » à « {territory} » retiré (effet à sa prochaine requête).")
        else:
            entries = access.entries(args.territory)
            if args.json:
                rows = [
                    {
                        "role": e.role,
                        "territoire": e.territory,
                        "niveau": e.level.value,
                        "confidentiel": e.confidential,
                        "accorde_par": e.granted_by,
                        "accorde_le": e.granted_at,
                    }
                    for e in entries
                ]
                print(json.dumps(rows, ensure_ascii=False))
            elif not entries:
                print(
                    "Aucun accès visible (vous ne voyez que les vôtres et ceux des territoires que vous administrez)."
                )
            else:
                for e in entries:
                    extra = " (actions confidentielles comprises)" if e.confidential else ""
                    print(f"{e.territory} — {e.role} : {e.level.label}{extra} ; accordé par {e.granted_by}")
    finally:
        opened.close()
    return EXIT_OK


def run_gui(database: Path | str, user_dirs: UserDirs, clock: Clock) -> int:
    from ti_desktop.app import run_gui as start_gui

    return start_gui(database, user_dirs, clock)


# Commands that write to the base: they hold its lock while they run, like the window (so neither can open it
# meanwhile), and are refused while a window or another write command holds it. Read commands take no lock.
_WRITING_COMMANDS = ("demo", "init", "import", "restore", "consolidate")
_READ_COMMANDS_HINT = "Les commandes de lecture (check, report, export) restent possibles."


def writes_to_base(args: argparse.Namespace) -> bool:
    return (
        args.command in _WRITING_COMMANDS
        and not getattr(args, "dry_run", False)
        and not getattr(args, "fields", False)
        and not (args.command == "consolidate" and not args.files)  # --list or -o alone only read
    )


@contextlib.contextmanager
def lock_while_writing(database: Path, args: argparse.Namespace, since: dt.datetime) -> Iterator[None]:
    """Hold the base's lock for the duration of a write command (`since`: now); nothing for a read command."""
    if not writes_to_base(args):
        yield
        return
    from ti_desktop.services.locking import (
        DatabaseLock,
        DatabaseLockedError,
        OpenElsewhereError,
        command_application,
        info_path,
    )

    command = f"ti-desktop {args.command}"
    lock = DatabaseLock(database, command_application(args.command))
    try:
        lock.acquire(since)
    except DatabaseLockedError as error:
        holder = error.holder
        if holder is None:
            why = "est ouverte dans TI Desktop ou modifiée par une autre commande : fermez la fenêtre ou attendez"
        elif holder.is_window:
            why = f"est ouverte dans TI Desktop par {holder.who()} : fermez la fenêtre"
        else:
            why = f"est en cours de modification par « {holder.application} » ({holder.who()}) : attendez sa fin"
        raise TiDesktopError(f"« {database} » {why} avant « {command} ». {_READ_COMMANDS_HINT}") from error
    except OpenElsewhereError as error:
        raise TiDesktopError(
            f"{error.message} Si elle n'y est plus ouverte, ouvrez-la une fois dans TI Desktop (qui demande "
            f"confirmation) ou supprimez « {info_path(database)} », puis relancez « {command} ». {_READ_COMMANDS_HINT}"
        ) from error
    try:
        yield
    finally:
        lock.release()


def with_recovery_hint(database: Path, error: TiDesktopError, clock: Clock) -> TiDesktopError:
    """A damaged base: say which backup to restore (the newest one that passes verification)."""
    from ti_desktop.services.backups import BackupService

    backups = BackupService(database, clock)
    good = backups.newest_good()
    if good is None:
        return TiDesktopError(f"{error.message} Aucune sauvegarde valide n'a été trouvée dans « {backups.folder} ».")
    return TiDesktopError(
        f'{error.message} La {backups.describe(good)} est valide : « ti-desktop restore "{good.path}" » '
        f"la remet en place (la base endommagée est d'abord conservée)."
    )


DATABASE_URL_ENV_VAR = "TI_DESKTOP_DATABASE_URL"
# File-level commands: on a server base, backups and integrity are the server's business.
_FILE_ONLY_COMMANDS = ("backup", "restore")


def server_url(args: argparse.Namespace) -> str | None:
    """The shared base's address (--database-url, else $TI_DESKTOP_DATABASE_URL), unless --db names a file."""
    explicit = getattr(args, "database_url", None)
    if explicit and getattr(args, "db", None):
        raise TiDesktopError("choisissez --db (un fichier) ou --database-url (un serveur), pas les deux.")
    if explicit:
        return str(explicit)
    if getattr(args, "db", None):
        return None
    return os.environ.get(DATABASE_URL_ENV_VAR) or None


def dispatch_server(url: str, args: argparse.Namespace, user_dirs: UserDirs, clock: Clock) -> int:
    if args.command is None:
        return run_gui(url, user_dirs, clock)
    if args.command in _FILE_ONLY_COMMANDS:
        raise TiDesktopError(
            f"« ti-desktop {args.command} » travaille sur un fichier SQLite : les sauvegardes d'une base serveur "
            "relèvent du serveur (pg_dump, sauvegardes de l'hébergeur)."
        )
    if args.command == "check":
        return run_server_check(url, args.json, clock)
    return run_command(url, args, clock)


def run_server_check(url: str, as_json: bool, clock: Clock) -> int:
    from ti_desktop.services.maintenance import check_server

    report = check_server(url, clock, terminal_credentials())
    if as_json:
        print(json.dumps(report.as_json(), ensure_ascii=False))
        return EXIT_OK
    print(f"Base : {report.path}")
    state = "à jour" if report.up_to_date else f"sera mise à jour vers {report.head_revision} à l'ouverture"
    print(f"Révision du schéma : {report.schema_revision or 'aucune'} ({state})")
    print(f"Intégrité : {report.integrity}")
    for key, count in report.counts.items():
        print(f"{COUNT_LABELS[key]} : {format_number(count)}")
    return EXIT_OK


def as_target(text: str) -> Target:
    """An address with "://" is a server base; anything else a file."""
    return text if "://" in text else Path(text).expanduser().absolute()


def run_copy(args: argparse.Namespace, clock: Clock) -> int:
    from ti_desktop.services.maintenance import copy_between

    source, destination = as_target(args.source), as_target(args.destination)
    if source == destination:
        raise TiDesktopError("copy : la source et la destination sont la même base.")
    result = copy_between(source, destination, clock, terminal_credentials())
    print(
        f"Copie vérifiée de « {args.source} » vers « {args.destination} » : "
        f"{format_number(result.total_rows)} lignes dans {len(result.figures)} tables, "
        f"{format_number(result.figures['territories'].rows)} territoire(s), "
        f"{format_number(result.figures['actions'].rows)} actions ; nombres de lignes et totaux des montants "
        "identiques."
    )
    return EXIT_OK


def dispatch(args: argparse.Namespace, user_dirs: UserDirs, clock: Clock) -> int:
    if args.command == "copy":
        return run_copy(args, clock)
    url = server_url(args)
    if url is not None:
        return dispatch_server(url, args, user_dirs, clock)
    database = choose_database_path(getattr(args, "db", None), user_dirs)
    if args.command is None:
        return run_gui(database, user_dirs, clock)
    if database == user_dirs.default_database:
        private_folder(database.parent)
    from ti_desktop.paths import location_warning
    from ti_desktop.services.database_errors import DatabaseDamagedError

    warning = location_warning(database)
    if warning and not getattr(args, "fields", False):
        print(f"ti-desktop : {warning}", file=sys.stderr)
    with lock_while_writing(database, args, clock.now()):
        try:
            return run_command(database, args, clock)
        except DatabaseDamagedError as error:
            raise with_recovery_hint(database, error, clock) from error


def run_command(database: Target, args: argparse.Namespace, clock: Clock) -> int:
    if isinstance(database, Path):
        if args.command == "check":
            return run_check(database, args.json)
        if args.command == "backup":
            return run_backup(database, args.output, clock)
        if args.command == "restore":
            return run_restore(database, args.file, clock)
    if args.command == "demo":
        return run_demo(database, clock)
    if args.command == "init":
        return run_init(database, args.name, clock)
    if args.command == "report":
        return run_report(database, args, clock)
    if args.command == "import":
        return run_import(database, args, clock)
    if args.command == "export":
        return run_export(database, args, clock)
    if args.command == "minutes":
        return run_minutes(database, args, clock)
    if args.command == "consolidate":
        return run_consolidate(database, args, clock)
    if args.command == "access":
        return run_access(database, args, clock)
    raise AssertionError(f"unhandled command {args.command}")


def log_bug(user_dirs: UserDirs) -> Path | None:
    """Write the traceback of the current exception to the log folder; return the file, if writable."""
    try:
        private_folder(user_dirs.log_dir)
        log_file = user_dirs.log_dir / "ti-desktop-erreurs.log"
        with log_file.open("a", encoding="utf-8") as stream:
            traceback.print_exc(file=stream)
        return log_file
    except OSError:
        return None


def system_clock() -> Clock:
    """The machine's clock, or the moment $TI_DESKTOP_NOW names (reproducible demos, tests)."""
    from ti_desktop.kernel.clock import FIXED_NOW_ENV_VAR, clock_from_environment

    try:
        return clock_from_environment()
    except ValueError as error:
        raise TiDesktopError(
            f"${FIXED_NOW_ENV_VAR} : « {os.environ.get(FIXED_NOW_ENV_VAR)} » n'est pas une date et heure "
            "(écrivez-la 2026-11-21T10:00:00, ou videz la variable)."
        ) from error


def main(argv: Sequence[str] | None = None, user_dirs: UserDirs | None = None, clock: Clock | None = None) -> int:
    """The composition root of the command line: the only place that builds the clock (unless given one)."""
    args = build_parser().parse_args(argv)
    dirs = user_dirs or UserDirs.default()
    try:
        return dispatch(args, dirs, clock or system_clock())
    except TiDesktopError as error:
        print(f"ti-desktop : {error.message}", file=sys.stderr)
        return EXIT_FAILURE
    except KeyboardInterrupt:
        print("ti-desktop : interrompu.", file=sys.stderr)
        return 130
    except BrokenPipeError:
        # The reader went away (`ti-desktop check | head -1`): not an error worth a message.
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        return EXIT_OK
    except Exception as error:
        log_file = log_bug(dirs)
        where = f" Détails dans « {log_file} »." if log_file else ""
        print(f"ti-desktop : erreur inattendue ({type(error).__name__} : {error}).{where}", file=sys.stderr)
        return EXIT_BUG
