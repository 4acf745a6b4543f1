//! Spellings of Syrian places as English, French and Turkish outlets write them, each with
//! the gazetteer entry it must resolve to. These are news spellings, not GeoNames'
//! alternates: most reach their entry only through the normaliser.

use frontline::gazetteer::Gazetteer;
use std::sync::OnceLock;

fn gaz() -> &'static Gazetteer {
    static G: OnceLock<Gazetteer> = OnceLock::new();
    G.get_or_init(|| Gazetteer::bundled().unwrap())
}

macro_rules! spellings {
    ($($name:ident: $spelling:expr => $id:expr;)*) => {
        /// (test name, spelling, expected id)
        const SPELLINGS: &[(&str, &str, &str)] = &[$((stringify!($name), $spelling, $id)),*];
    };
}

spellings! {
    aleppo: "Aleppo" => "gn:170063";
    aleppo_fr: "Alep" => "gn:170063";
    aleppo_tr: "Halep" => "gn:170063";
    aleppo_ar: "حلب" => "gn:170063";
    damascus: "Damascus" => "gn:170654";
    damascus_fr: "Damas" => "gn:170654";
    damascus_translit: "Dimashq" => "gn:170654";
    damascus_ar: "دمشق" => "gn:170654";
    homs: "Homs" => "gn:169577";
    homs_translit: "Hims" => "gn:169577";
    homs_ar: "حمص" => "gn:169577";
    hama: "Hama" => "gn:170017";
    hama_h: "Hamah" => "gn:170017";
    hama_ar: "حماة" => "gn:170017";
    idlib: "Idlib" => "gn:169389";
    idleb_fr: "Idleb" => "gn:169389";
    idlib_tr: "İdlib" => "gn:169389";
    idlib_ar: "إدلب" => "gn:169389";
    daraa: "Daraa" => "gn:170905";
    deraa: "Deraa" => "gn:170905";
    daraa_apostrophe: "Dar'a" => "gn:170905";
    daraa_curly: "Dar’aa" => "gn:170905";
    suwayda: "As-Suwayda" => "gn:172408";
    sweida: "Sweida" => "gn:172408";
    soueida: "Soueida" => "gn:172408";
    suweida: "Suweida" => "gn:172408";
    suwaida: "al-Suwaida" => "gn:172408";
    quneitra: "Quneitra" => "gn:173334";
    kuneytra_tr: "Kuneytra" => "gn:173334";
    latakia: "Latakia" => "gn:173576";
    lattakia: "Lattakia" => "gn:173576";
    lattaquie: "Lattaquié" => "gn:173576";
    lazkiye: "Lazkiye" => "gn:173576";
    tartus: "Tartus" => "gn:163345";
    tartous: "Tartous" => "gn:163345";
    tartouss: "Tartouss" => "gn:163345";
    deir_ez_zor: "Deir ez-Zor" => "gn:170794";
    deir_ezzor: "Deir Ezzor" => "gn:170794";
    deir_al_zour: "Deir al-Zour" => "gn:170794";
    dayr_az_zawr: "Dayr az-Zawr" => "gn:170794";
    deir_el_zor: "Deir el-Zor" => "gn:170794";
    deyrizor: "Deyrizor" => "gn:170794";
    raqqa: "Raqqa" => "gn:172955";
    rakka: "Rakka" => "gn:172955";
    al_raqqa: "al-Raqqa" => "gn:172955";
    raqqah: "Ar-Raqqah" => "gn:172955";
    hasakah: "Hasakah" => "gn:173811";
    hasakeh: "Hasakeh" => "gn:173811";
    al_hasakah: "al-Hasakah" => "gn:173811";
    haseke: "Haseke" => "gn:173811";
    hassake_fr: "Hassaké" => "gn:173811";
    qamishli: "Qamishli" => "gn:173377";
    qamishlo: "Qamishlo" => "gn:173377";
    kamishli: "Kamishli" => "gn:173377";
    kamisli_tr: "Kamışlı" => "gn:173377";
    kobani: "Kobani" => "gn:172256";
    kobane: "Kobane" => "gn:172256";
    ain_al_arab: "Ain al-Arab" => "gn:172256";
    ayn_al_arab: "Ayn al-Arab" => "gn:172256";
    manbij: "Manbij" => "gn:167357";
    menbij: "Menbij" => "gn:167357";
    membij: "Membij" => "gn:167357";
    manbidj_fr: "Manbidj" => "gn:167357";
    azaz: "Azaz" => "gn:172082";
    a_zaz: "A'zaz" => "gn:172082";
    azez_tr: "Azez" => "gn:172082";
    afrin: "Afrin" => "gn:174186";
    efrin: "Efrin" => "gn:174186";
    afrine: "Afrine" => "gn:174186";
    jarablus: "Jarablus" => "gn:169179";
    jarabulus: "Jarabulus" => "gn:169179";
    cerablus_tr: "Cerablus" => "gn:169179";
    al_bab: "al-Bab" => "gn:174018";
    el_bab: "El Bab" => "gn:174018";
    tal_abyad: "Tal Abyad" => "gn:163750";
    tell_abyad: "Tell Abyad" => "gn:163750";
    tel_abyad: "Tel Abyad" => "gn:163750";
    ras_al_ain: "Ras al-Ain" => "gn:165509";
    ras_al_ayn: "Ras al-Ayn" => "gn:165509";
    ras_el_ain: "Ras el-Ain" => "gn:165509";
    resulayn_tr: "Resulayn" => "gn:165509";
    tal_rifaat: "Tal Rifaat" => "gn:163476";
    tel_rifaat: "Tel Rifaat" => "gn:163476";
    tell_rifaat: "Tell Rifaat" => "gn:163476";
    tal_rifat: "Tal Rif'at" => "gn:163476";
    maaret_al_numan: "Maaret al-Numan" => "gn:167611";
    maarat_al_numan: "Maarat al-Numan" => "gn:167611";
    maarat_al_nouman: "Maarat al-Nouman" => "gn:167611";
    maarrat_al_numan: "Maarrat al-Numan" => "gn:167611";
    maaret_al_noman: "Maaret al-Noman" => "gn:167611";
    maarat_annuman: "Ma'arat an-Nu'man" => "gn:167611";
    khan_sheikhoun: "Khan Sheikhoun" => "gn:168325";
    khan_cheikhoun: "Khan Cheikhoun" => "gn:168325";
    khan_shaykhun: "Khan Shaykhun" => "gn:168325";
    khan_sheikhun: "Khan Sheikhun" => "gn:168325";
    han_seyhun_tr: "Han Şeyhun" => "gn:168325";
    saraqib: "Saraqib" => "gn:164816";
    saraqeb: "Saraqeb" => "gn:164816";
    serakib_tr: "Serakib" => "gn:164816";
    jisr_al_shughur: "Jisr al-Shughur" => "gn:169023";
    jisr_ash_shughour: "Jisr ash-Shughour" => "gn:169023";
    jisr_al_choughour_fr: "Jisr al-Choughour" => "gn:169023";
    ariha: "Ariha" => "gn:172994";
    harem: "Harem" => "gn:169866";
    palmyra: "Palmyra" => "gn:163808";
    tadmur: "Tadmur" => "gn:163808";
    tadmor: "Tadmor" => "gn:163808";
    palmyre_fr: "Palmyre" => "gn:163808";
    qusayr: "Qusayr" => "gn:173322";
    al_qusair: "al-Qusair" => "gn:173322";
    rastan: "Rastan" => "gn:172946";
    al_rastan: "al-Rastan" => "gn:172946";
    talbiseh: "Talbiseh" => "gn:163779";
    talbisa: "Talbisah" => "gn:163779";
    tallbiseh: "Tallbiseh" => "gn:163779";
    salamiyah: "Salamiyah" => "gn:164947";
    salamiyeh: "Salamiyeh" => "gn:164947";
    salamieh: "Salamieh" => "gn:164947";
    masyaf: "Masyaf" => "gn:167046";
    misyaf: "Misyaf" => "gn:167046";
    mhardeh: "Mhardeh" => "gn:166742";
    mahardah: "Mahardah" => "gn:166742";
    suqaylabiyah: "Suqaylabiyah" => "gn:163921";
    douma: "Douma" => "gn:170592";
    duma: "Duma" => "gn:170592";
    darayya: "Darayya" => "gn:170892";
    daraya: "Daraya" => "gn:170892";
    zabadani: "Zabadani" => "gn:172059";
    yabroud: "Yabroud" => "gn:162627";
    yabrud: "Yabrud" => "gn:162627";
    nabk: "Nabk" => "gn:173193";
    qutayfah: "Qutayfah" => "gn:173312";
    qteifeh: "Qteifeh" => "gn:173312";
    qatana: "Qatana" => "gn:165929";
    jableh: "Jableh" => "gn:169304";
    jablah: "Jablah" => "gn:169304";
    cebele_tr: "Cebele" => "gn:169304";
    baniyas: "Baniyas" => "gn:171830";
    banias: "Banias" => "gn:171830";
    safita: "Safita" => "gn:165060";
    qardaha: "Qardaha" => "gn:173364";
    mayadin: "Mayadin" => "gn:173480";
    mayadeen: "al-Mayadeen" => "gn:173480";
    abu_kamal: "Abu Kamal" => "gn:174448";
    albukamal: "Albukamal" => "gn:174448";
    bukamal: "al-Bukamal" => "gn:174448";
    boukamal_fr: "Boukamal" => "gn:174448";
    tabqa: "Tabqa" => "gn:172374";
    saydnaya: "Saydnaya" => "gn:164717";
    sednaya: "Sednaya" => "gn:164717";
    jaramana: "Jaramana" => "gn:169174";
    harasta: "Harasta" => "gn:169897";
    sanamayn: "Sanamayn" => "gn:172469";
    sanamein: "al-Sanamein" => "gn:172469";
    bosra: "Bosra" => "gn:171126";
    busra_al_sham: "Busra al-Sham" => "gn:171126";
    izraa: "Izraa" => "gn:169341";
    nawa: "Nawa" => "gn:166365";
    jassem: "Jassem" => "gn:165997";
    shahba: "Shahba" => "gn:164626";
    salkhad: "Salkhad" => "gn:164917";
    hajin: "Hajin" => "gn:174506";
    busayrah: "Busayrah" => "gn:173927";
    hol: "al-Hol" => "gn:173797";
    malikiyah: "al-Malikiyah" => "gn:173530";
    tal_tamr: "Tal Tamr" => "gn:163434";
    tel_tamer: "Tel Tamer" => "gn:163434";
    amuda: "Amuda" => "gn:173230";
    shaddadi: "Shaddadi" => "gn:172837";
    ain_issa: "Ain Issa" => "gn:172134";
    al_rai: "al-Rai" => "gn:169138";
    atarib: "Atarib" => "gn:174030";
    al_atareb: "al-Atareb" => "gn:174030";
    deir_hafer: "Deir Hafer" => "gn:170785";
    nubl: "Nubl" => "gn:166331";
    safira: "al-Safira" => "gn:172503";
    kafr_nabl: "Kafranbel" => "gn:168661";
    binnish: "Binnish" => "gn:171451";
    salqin: "Salqin" => "gn:164898";
    maarat_misrin: "Maarat Misrin" => "gn:167605";
    dana: "al-Dana" => "gn:174259";
    sarmin: "Sarmin" => "gn:164782";
    taftanaz: "Taftanaz" => "gn:163799";
    kafr_takharim: "Kafr Takharim" => "gn:168629";
    kafr_zita: "Kafr Zita" => "gn:168620";
    halfaya: "Halfaya" => "gn:170044";
    qaryatayn: "al-Qaryatain" => "gn:173361";
    sukhnah: "al-Sukhnah" => "gn:172425";
    tall_kalakh: "Tal Kalakh" => "gn:163533";
    kiswah: "al-Kiswah" => "gn:173598";
    dumayr: "Dumayr" => "gn:170589";
    tafas: "Tafas" => "gn:163806";
    sheikh_miskin: "Sheikh Maskin" => "gn:164328";
    maaloula: "Maaloula" => "gn:167375";
    kassab: "Kessab" => "gn:168519";
    nasib: "Nasib crossing" => "sy:nasib-crossing";
    bab_al_hawa: "Bab al-Hawa" => "sy:bab-al-hawa-crossing";
    kuweires: "Kuweires airbase" => "sy:kuweires-airbase";
    menagh: "Menagh airbase" => "sy:menagh-airbase";
    abu_duhur: "Abu al-Duhur airbase" => "sy:abu-al-duhur-airbase";
    t4: "T4 airbase" => "sy:tiyas-airbase";
    // An air base by its bare name, as reports write it ("rebels took Kuweires").
    kuweires_bare: "Kuweires" => "sy:kuweires-airbase";
    shayrat_bare: "Shayrat" => "sy:shayrat-airbase";
    tiyas_bare: "Tiyas" => "sy:tiyas-airbase";
    nairab_bare: "Nairab" => "sy:aleppo-international-airport";
    hmeimim: "Hmeimim" => "sy:hmeimim-airbase";
    khmeimim: "Khmeimim airbase" => "sy:hmeimim-airbase";
    mezzeh_airport: "Mezzeh military airport" => "sy:mezzeh-airport";
    sednaya_prison: "Sednaya prison" => "sy:sednaya-prison";
    tishrin_dam: "Tishreen Dam" => "sy:tishrin-dam";
    tanf: "al-Tanf" => "sy:al-tanf";
    sheikh_maqsoud: "Sheikh Maqsoud" => "sy:aleppo-sheikh-maqsoud";
    mount_hermon: "Jabal al-Sheikh" => "sy:mount-hermon";
    sadad_geonames_s_cedilla: "Sadad" => "gn:165109";
    safita_plain: "Safita" => "gn:165060";
    sarmada: "Sarmada" => "sy:sarmada";
    latamneh: "Latamneh" => "sy:al-lataminah";
    baath_city: "Baath City" => "gn:173334";
    morek: "Morek" => "gn:166640";
    kafr_zita: "Kafr Zeita" => "gn:168620";
    houla: "Houla" => "gn:168668";
    qamhana: "Qamhana" => "sy:qamhana";
    qamhanah: "Qamhanah" => "sy:qamhana";
    khan_al_assal: "Khan al-Assal" => "sy:khan-al-asal";
    khan_touman: "Khan Touman" => "sy:khan-tuman";
    tal_al_eis: "Tal al-Eis" => "sy:al-eis";
    hadher: "al-Hadher" => "gn:170137";
    sayyida_zaynab: "Sayyida Zaynab" => "sy:sayyida-zeinab";
    sayyida_zeinab: "Sayyidah Zeinab" => "sy:sayyida-zeinab";
    maardes: "Ma'ardes" => "sy:maardes";
    ebla: "Tell Mardikh" => "sy:tell-mardikh";
    kafr_nabuda: "Kafranbuda" => "sy:kafr-nabudah";
    zain_al_abidin: "Jabal Zein al-Abideen" => "sy:jabal-zayn-al-abidin";
}

#[test]
fn news_spellings_resolve_to_their_place() {
    assert!(
        SPELLINGS.len() >= 120,
        "the table must keep at least 120 rows"
    );
    let mut failures = Vec::new();
    for &(name, spelling, want) in SPELLINGS {
        let r = gaz().resolve(spelling);
        let got = r
            .candidates
            .first()
            .map(|c| gaz().place(c.place).id.as_str());
        if got != Some(want) {
            failures.push(format!("{name}: {spelling:?} → {got:?}, want {want}"));
        }
    }
    assert!(
        failures.is_empty(),
        "{} of {} failed:\n{}",
        failures.len(),
        SPELLINGS.len(),
        failures.join("\n")
    );
}

#[test]
fn news_spellings_are_found_in_running_text() {
    // The same spellings inside a sentence, where the stricter text matcher applies.
    let mut failures = Vec::new();
    for &(name, spelling, want) in SPELLINGS {
        let text = format!("Rebels said they had entered {spelling} on Sunday.");
        let got: Vec<String> = gaz()
            .find(&text)
            .iter()
            .map(|m| gaz().place(m.place()).id.clone())
            .collect();
        if !got.iter().any(|g| g == want) {
            failures.push(format!("{name}: {text:?} → {got:?}, want {want}"));
        }
    }
    // Lowercase-led spellings ("al-Bab") and acronym-like ones are found; a few short
    // spellings that are not aliases are resolved only by `resolve`.
    assert!(
        failures.len() <= SPELLINGS.len() / 20,
        "{} failed:\n{}",
        failures.len(),
        failures.join("\n")
    );
}

#[test]
fn cue_words_choose_the_kind() {
    let cases = [
        ("Idlib province", "gn:169387"),
        ("the province of Idlib", "gn:169387"),
        ("Homs governorate", "gn:169575"),
        ("Aleppo", "gn:170063"),
        ("the city of Hama", "gn:170017"),
        ("Palmyra district", "gn:7895145"),
        ("Manbij district", "gn:167355"),
        ("Daraa province", "gn:170903"),
        ("Raqqa", "gn:172955"),
    ];
    for (q, want) in cases {
        let r = gaz().resolve(q);
        assert_eq!(gaz().place(r.candidates[0].place).id, want, "{q:?}");
    }
}

#[test]
fn words_and_people_do_not_resolve() {
    for q in [
        "Assad",
        "Bashar al-Assad",
        "Hasan",
        "Turan",
        "Thursday",
        "Russian",
        "Saudi",
        "Army",
        "Home",
    ] {
        let r = gaz().resolve(q);
        assert!(
            r.candidates.is_empty(),
            "{q:?} resolved to {:?}",
            r.candidates.first().map(|c| &gaz().place(c.place).name)
        );
    }
}
