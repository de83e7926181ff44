"""Plan definitions for the genre corpus (all plans, measures and prose are fictional).

Each plan is a dict:
  slug, producer, title_lines (title page), plan_title, period, years [y1, y2],
  final_years (years whose report is a final report), style (how the report is
  written, see make.py), intro(year, final) -> text, departments [(abbr, name)],
  areas [{id, title, intro}], measures [...], planted [...], expect_changes [...].

A measure: {id, parent, area, title, desc, nofields, only, titles{year: title},
  y: {year: {status, resp: (lead, [partners], form?), progress, comment}}}.
Year 2 inherits every key it does not set from year 1.
"""
from make_helpers import *  # noqa: F401,F403

PLANS = []


# ===========================================================================
# A. ensomhet: LibreOffice from .docx
# ===========================================================================

def _a_head(i, parent):
    n, rest = split_id(i)
    return "Tiltak %s %s)" % (n, rest) if rest else "Tiltak %s." % n


def _a_row(i, parent):
    n, rest = split_id(i)
    return "%s %s)" % (n, rest) if rest else n


def _a_summary(total, counts, year):
    return "Av totalt %d tiltak er %s." % (total, join_og("%d %s" % (c, s) for s, c in counts))


def _a_intro(year, final):
    return """Denne rapporten gir status for tiltakene i Handlingsplan mot ensomhet (2022–2025) per 31.12.%d. Rapporten er utarbeidet av Helse- og omsorgsdepartementet på grunnlag av innspill fra de departementene som har ansvar for tiltak i planen.

Rapporten beskriver hva som er gjort fram til årsskiftet. Arbeid som er satt i gang etter dette tidspunktet, omtales ikke, med mindre det er nødvendig for å forstå status for tiltaket. Mange av tiltakene skal pågå gjennom hele planperioden, og status «Igangsatt» betyr derfor ikke nødvendigvis at arbeidet er forsinket.""" % year


PLANS.append(dict(
    slug="ensomhet", producer="libreoffice-docx",
    title_lines=["Handlingsplan mot ensomhet", "(2022–2025)"],
    plan_title="Handlingsplan mot ensomhet", period="2022-2025",
    years=[2023, 2024], final_years=[],
    intro=_a_intro,
    style=dict(
        head=_a_head, row_label=_a_row,
        area_head=lambda n, t: "Innsatsområde %s: %s" % (n, t),
        status_label=lambda y: "Status:", resp_label="Ansvarlig:",
        fields="lines", resp_form="samarbeid", table_resp="lead",
        status_order=["igangsatt", "gjennomført", "ikke startet"],
        summary=_a_summary,
        table_cols=["Nr", "Tiltak", "Ansvarlig", "Status"], table_widths=[0.09, 0.59, 0.14, 0.18],
        depts="lines", toc=True, sections=SECTIONS,
        title_page=lambda y, f: ["Status for tiltak per", "31.12.%d" % y],
        footer="N",
    ),
    departments=[
        ("AID", "Arbeids- og inkluderingsdepartementet"),
        ("BFD", "Barne- og familiedepartementet"),
        ("Bufdir", "Barne-, ungdoms- og familiedirektoratet"),
        ("HOD", "Helse- og omsorgsdepartementet"),
        ("Hdir", "Helsedirektoratet"),
        ("KDD", "Kommunal- og distriktsdepartementet"),
        ("KUD", "Kultur- og likestillingsdepartementet"),
        ("KD", "Kunnskapsdepartementet"),
        ("Udir", "Utdanningsdirektoratet"),
    ],
    areas=[
        dict(id="1", title="Møteplasser og fellesskap i nærmiljøet",
             intro="Tiltakene under dette innsatsområdet skal gjøre det lettere å finne fellesskap der folk bor. Det gjelder både offentlige møteplasser og tilbud som drives av frivillige."),
        dict(id="2", title="Ensomhet blant barn og unge",
             intro="Barn og unge som opplever ensomhet over tid, har økt risiko for psykiske plager senere i livet. Innsatsen retter seg mot skolen, fritiden og tjenester som møter barn og unge jevnlig."),
        dict(id="3", title="Kunnskap og samordning",
             intro="Arbeidet mot ensomhet går på tvers av sektorer. Det trengs mer kunnskap om hva som virker, og en fast struktur for samarbeid mellom stat, kommuner og frivillighet."),
    ],
    measures=[
        dict(id="1", area="1", title="Styrke lokale møteplasser for eldre og voksne som bor alene",
             desc="Mange kommuner har gode møteplasser, men tilbudet er ujevnt fordelt, og det finnes få tilbud på kveldstid og i helgene. Det skal etableres en tilskuddsordning som gjør det lettere for kommuner og frivillige å holde møteplassene åpne utenom vanlig arbeidstid.",
             y={2023: dict(status="Igangsatt", resp=("HOD", ["KDD"]),
                           progress="""Tilskuddsordningen ble lyst ut for første gang i april 2023, og Helsedirektoratet mottok 214 søknader fra kommuner og frivillige organisasjoner. Til sammen 61 prosjekter fikk tilskudd, de fleste i kommuner med færre enn 20 000 innbyggere.

En ny utlysning er planlagt våren 2024, og erfaringene fra første runde skal brukes til å justere kriteriene for tildeling."""),
                2024: dict(progress="""Ordningen ble lyst ut på nytt i mars 2024 med justerte kriterier, blant annet et krav om at tilbudet skal være åpent minst én kveld i uken. Helsedirektoratet fordelte midler til 74 prosjekter.

Det er satt i gang en enkel følgeevaluering av ordningen. Den første delrapporten skal foreligge i juni 2025.""")}),
        dict(id="2", area="1", title="Utvikle en veileder for inkluderende frivillighet",
             desc="Frivillige lag og foreninger er viktige arenaer for fellesskap, men mange opplever at det er vanskelig å nå dem som står utenfor. En veileder skal gi konkrete råd om rekruttering, tilrettelegging og mottak av nye deltakere.",
             y={2023: dict(status="Igangsatt", resp=("KUD", ["KDD"]),
                           progress="Kultur- og likestillingsdepartementet har hentet inn innspill fra paraplyorganisasjoner og et utvalg lokale lag og foreninger. Arbeidet med selve veilederen startet høsten 2023. Veilederen skal publiseres innen utgangen av første halvår 2024."),
                2024: dict(status="Gjennomført",
                           progress="Veilederen «Alle skal få være med» ble publisert i mai 2024, både i full versjon og som kortversjon på lettlest norsk. Den er presentert på regionale samlinger for frivillige organisasjoner i tre fylker, og flere kommuner bruker den i sitt arbeid med frivillighetspolitikk.")}),
        dict(id="3", area="1", title="Prøve ut sosiale møteplasser i tilknytning til bibliotek",
             desc="Folkebibliotekene er åpne, gratis og ikke-kommersielle arenaer som mange allerede bruker. Tiltaket skal prøve ut faste aktiviteter som lesesirkler, språkkafeer og digital veiledning.",
             y={2023: dict(status="Gjennomført", resp=("KUD", []),
                           progress="Nasjonalbiblioteket har gitt støtte til 28 bibliotek som har prøvd ut nye aktiviteter i 2022 og 2023. Språkkafeer og strikkekafeer har hatt flest deltakere, mens den digitale veiledningen har nådd mange eldre som tidligere ikke brukte biblioteket. Erfaringene er oppsummert i en rapport som ble publisert i november 2023.")}),
        dict(id="4", area="2", title="Forebygge ensomhet i skole og fritid", nofields=True,
             desc="Tiltaket består av to deltiltak som skal gjøre skolen og fritiden til arenaer der flere barn og unge opplever tilhørighet."),
        dict(id="4a", parent="4", area="2", title="Utvikle undervisningsopplegg om vennskap og inkludering",
             desc="Utdanningsdirektoratet skal utvikle undervisningsopplegg for mellomtrinnet og ungdomstrinnet om vennskap, tilhørighet og hvordan elever kan inkludere hverandre.",
             y={2023: dict(status="Igangsatt", resp=("KD", []),
                           progress="Utdanningsdirektoratet har utviklet tre undervisningsopplegg som ble prøvd ut ved ti skoler høsten 2023. Tilbakemeldingene fra lærerne er i hovedsak positive, men flere ønsker mer materiell til bruk i foreldremøter. De ferdige oppleggene skal publiseres i februar 2024."),
                2024: dict(status="Gjennomført",
                           progress="Undervisningsoppleggene ble publisert i februar 2024, sammen med et eget opplegg til bruk i foreldremøter. Fram til desember 2024 er oppleggene lastet ned over 9 000 ganger.")}),
        dict(id="4b", parent="4", area="2", title="Styrke fritidstilbudet for ungdom i distriktene",
             desc="Ungdom i spredtbygde strøk har ofte lang reisevei til organiserte fritidsaktiviteter. Tiltaket skal gi støtte til kommuner som vil utvikle åpne fritidstilbud og bedre skyssordninger.",
             y={2023: dict(status="Ikke startet", resp=("BFD", ["KDD"]),
                           progress="Det er ikke bevilget midler til tiltaket i 2023. Barne- og familiedepartementet vil vurdere tiltaket på nytt i forbindelse med statsbudsjettet for 2024."),
                2024: dict(status="Igangsatt",
                           progress="""Tiltaket fikk midler i statsbudsjettet for 2024, og Bufdir lyste ut tilskudd i juni 2024. Tolv kommuner har fått støtte til åpne fritidstilbud, og fire av dem prøver ut en ordning med fritidsskyss på kveldstid.

Bufdir skal oppsummere erfaringene innen utgangen av 2025.""")}),
        dict(id="5", area="2", title="Etablere en nasjonal chattetjeneste for unge som føler seg ensomme",
             desc="Mange unge vil heller skrive enn ringe når de trenger noen å snakke med. Det skal etableres en chattetjeneste som bemannes av frivillige med faglig oppfølging.",
             y={2023: dict(status="Igangsatt", resp=("HOD", ["BFD"]),
                           progress="Helsedirektoratet har inngått avtale med en frivillig organisasjon om å drifte tjenesten. Rekruttering og opplæring av frivillige pågår, og det er utarbeidet en egen rutine for når samtaler skal henvises videre til helsetjenesten. Tjenesten skal åpne i januar 2024."),
                2024: dict(progress="Oppstarten ble utsatt fordi det tok lengre tid enn ventet å få på plass en løsning for sikker pålogging. Tjenesten åpnet i september 2024 og er foreløpig bemannet fire kvelder i uken. Målet er daglig åpningstid fra høsten 2025.")}),
        dict(id="6", area="2", title="Kartlegge ensomhet blant studenter",
             desc="Studenter som flytter hjemmefra for å studere, forteller ofte om ensomhet det første studieåret. Tiltaket skal gi bedre kunnskap om hvem som er mest utsatt, og hva studiestedene kan gjøre.",
             y={2023: dict(status="Gjennomført", resp=("KD", []),
                           progress="Spørsmål om ensomhet og tilhørighet ble tatt inn i den nasjonale studentundersøkelsen våren 2023. Resultatene viser at nesten hver tredje student ofte eller svært ofte føler seg ensom, og at andelen er høyest blant internasjonale studenter og studenter som bor alene. Funnene er lagt fram for universitetene, høyskolene og studentsamskipnadene.")}),
        dict(id="7", area="2", title="Styrke kompetansen om ensomhet i helsestasjons- og skolehelsetjenesten",
             desc="Helsesykepleiere møter de fleste barn og unge jevnlig og kan fange opp tegn på ensomhet tidlig. Tiltaket skal gi tjenesten bedre verktøy for samtaler om vennskap og tilhørighet.",
             y={2023: dict(status="Igangsatt", resp=("HOD", []),
                           progress="Helsedirektoratet har utviklet et e-læringskurs i samarbeid med to høyskoler. Kurset ble lansert i november 2023 og er gratis for alle ansatte i tjenesten."),
                2024: dict(status="Gjennomført",
                           progress="Over 1 800 ansatte har gjennomført e-læringskurset. Helsedirektoratet har i tillegg laget en samtaleguide til bruk i skolehelsetjenesten, og guiden ble publisert i oktober 2024.")}),
        dict(id="8", area="3", title="Utvikle et nasjonalt kunnskapsgrunnlag om ensomhet",
             desc="Det finnes lite samlet kunnskap om hvordan ensomhet utvikler seg gjennom livet, og hvilke tiltak som virker. Et forskningsmiljø skal sammenstille eksisterende kunnskap og peke på hvor det trengs mer forskning.",
             y={2023: dict(status="Igangsatt", resp=("HOD", []),
                           progress="Oppdraget ble lyst ut i mars 2023 og tildelt et forskningsmiljø ved et universitet i juni samme år. Arbeidet er organisert i tre delprosjekter: en kunnskapsoppsummering, en analyse av registerdata og en studie av kommunale tiltak. Sluttrapporten skal foreligge i mars 2025."),
                2024: dict(resp=("HOD", ["KUD"]),
                           progress="Kunnskapsoppsummeringen og registeranalysen er ferdigstilt, mens studien av kommunale tiltak fortsatt pågår. Kultur- og likestillingsdepartementet er fra 2024 med i styringsgruppen for prosjektet. Sluttrapporten skal foreligge i mars 2025, som planlagt.")}),
        dict(id="9", area="3", title="Ta inn spørsmål om ensomhet i kommunale folkehelseoversikter",
             desc="Kommunene skal ha oversikt over helsetilstanden i befolkningen og hva som påvirker den. Tiltaket skal gjøre det enklere å ta med ensomhet i denne oversikten.",
             y={2023: dict(status="Igangsatt", resp=("HOD", ["KDD"]),
                           progress="Helsedirektoratet har utarbeidet et sett med anbefalte spørsmål om ensomhet og sosial støtte som kommunene kan bruke i lokale spørreundersøkelser. Spørsmålene skal tas inn i veiledningsmateriellet for folkehelsearbeidet i løpet av 2024.")}),
        dict(id="10", area="3", title="Etablere et samarbeidsforum mellom stat, kommuner og frivillighet",
             desc="Arbeidet mot ensomhet krever samarbeid på tvers av sektorer og forvaltningsnivåer. Et fast forum skal gi aktørene en arena for erfaringsutveksling og felles planlegging.",
             y={2023: dict(status="Gjennomført", resp=("KDD", ["HOD", "KUD"]),
                           progress="Forumet hadde sitt første møte i september 2023 med deltakere fra seks departementer, kommunesektoren og tolv frivillige organisasjoner. Forumet har vedtatt et mandat som gjelder ut planperioden, og sekretariatet er lagt til Kommunal- og distriktsdepartementet.")}),
        dict(id="11", area="3", title="Prøve ut jobbvenn-ordninger for unge utenfor arbeid og utdanning", only=[2024],
             desc="Unge som står utenfor arbeid og utdanning, har ofte et lite nettverk. Tiltaket kom inn i planen ved revisjonen i 2024 og skal prøve ut ordninger der unge får en fast kontaktperson på arbeidsplassen.",
             y={2024: dict(status="Igangsatt", resp=("AID", ["KD"]),
                           progress="Arbeids- og velferdsetaten har valgt ut seks kontorer som skal prøve ut ordningen fra januar 2025. Opplegget for følgeforskning er under utarbeidelse.")}),
    ],
    planted=[
        dict(rule="table-status-mismatch", measure="5", status="Gjennomført"),
        dict(rule="table-title-mismatch", measure="2", title="Utarbeide en veileder for inkluderende frivillighet"),
        dict(rule="toc-page-mismatch", measure="8", delta=1),
        dict(rule="unknown-department", measure="10", abbr="DFD"),
        dict(rule="summary-count-mismatch", measure="", status="igangsatt", delta=1),
    ],
    expect_changes=[("1", "progress"), ("2", "status"), ("2", "progress"), ("4a", "status"), ("4a", "progress"),
                    ("4b", "status"), ("4b", "progress"), ("5", "progress"), ("7", "status"), ("7", "progress"),
                    ("8", "responsible"), ("8", "progress"), ("11", "measure")],
))
