<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="cy" sourcelanguage="en_GB">
<context>
    <name>AnalysisReport</name>
    <message>
        <source>Attainment: %1, %2, %3</source>
        <extracomment>the report&apos;s title: %1 framework, %2 group, %3 term</extracomment>
        <translation>Cyrhaeddiad: %1, %2, %3</translation>
    </message>
    <message>
        <source>Produced on %1</source>
        <extracomment>%1 is a date</extracomment>
        <translation>Lluniwyd ar %1</translation>
    </message>
    <message>
        <source>Produced by %1</source>
        <translation>Lluniwyd gan %1</translation>
    </message>
    <message>
        <source>Shares are of the pupils assessed in each objective; for all objectives together, of all marks. Means are in the scale&apos;s points. A gap is the first group&apos;s mean minus the second&apos;s: below zero, the first group is behind.</source>
        <translation>Mae&apos;r cyfrannau o&apos;r disgyblion a aseswyd ym mhob amcan; ar gyfer yr holl amcanion gyda&apos;i gilydd, o&apos;r holl farciau. Mae&apos;r cymedrau ym mhwyntiau&apos;r raddfa. Bwlch yw cymedr y grŵp cyntaf llai cymedr yr ail: o dan sero, mae&apos;r grŵp cyntaf ar ei hôl hi.</translation>
    </message>
    <message>
        <source>Pupils at each value</source>
        <translation>Disgyblion ar bob gwerth</translation>
    </message>
    <message>
        <source>Gaps between groups</source>
        <translation>Bylchau rhwng grwpiau</translation>
    </message>
    <message>
        <source>Table</source>
        <translation>Tabl</translation>
    </message>
    <message>
        <source>Objectives</source>
        <translation>Amcanion</translation>
    </message>
    <message>
        <source>%1 - %2 - page %3 of %4</source>
        <extracomment>the footer of each page: %1 school, %2 date, %3 page, %4 pages</extracomment>
        <translation>%1 - %2 - tudalen %3 o %4</translation>
    </message>
</context>
<context>
    <name>AppOptions</name>
    <message>
        <source>OTrack Desktop: pupil tracking for UK schools.</source>
        <translation>OTrack Desktop: olrhain cynnydd disgyblion ar gyfer ysgolion yn y DU.</translation>
    </message>
    <message>
        <source>Keep the encrypted stores under &lt;dir&gt; instead of the usual per-user application data folder.</source>
        <translation>Cadw&apos;r storfeydd wedi&apos;u hamgryptio o dan &lt;dir&gt; yn lle ffolder data arferol pob defnyddiwr.</translation>
    </message>
    <message>
        <source>Fill in the school.</source>
        <translation>Llenwi&apos;r ysgol.</translation>
    </message>
    <message>
        <source>Fill in the username.</source>
        <translation>Llenwi&apos;r enw defnyddiwr.</translation>
    </message>
    <message>
        <source>A CA certificate (PEM) to trust for the server, besides the system&apos;s.</source>
        <translation>Tystysgrif CA (PEM) i&apos;w hymddiried ar gyfer y gweinydd, yn ogystal â rhai&apos;r system.</translation>
    </message>
    <message>
        <source>Save a picture of the window shown after about a second (after the server check, if any) to &lt;file&gt;, then quit. For headless runs.</source>
        <translation>Cadw llun o&apos;r ffenestr a ddangosir ar ôl tua eiliad (ar ôl gwirio&apos;r gweinydd, os oes un) i &lt;file&gt;, yna gadael. Ar gyfer rhediadau heb sgrin.</translation>
    </message>
    <message>
        <source>For scripted demos only: read the password from the environment variable &lt;var&gt; and sign in with --school and --username at once. Never for real accounts.</source>
        <translation>Ar gyfer arddangosiadau wedi&apos;u sgriptio yn unig: darllen y cyfrinair o&apos;r newidyn amgylchedd &lt;var&gt; a mewngofnodi gyda --school a --username ar unwaith. Byth ar gyfer cyfrifon go iawn.</translation>
    </message>
    <message>
        <source>The language of the interface, e.g. en_GB or cy.</source>
        <translation>Iaith y rhyngwyneb, e.e. en_GB neu cy.</translation>
    </message>
    <message>
        <source>Unexpected argument: %1</source>
        <translation>Ymresymiad annisgwyl: %1</translation>
    </message>
    <message>
        <source>--ca needs --server.</source>
        <translation>Mae --ca angen --server.</translation>
    </message>
    <message>
        <source>--demo-password-env needs --school and --username.</source>
        <translation>Mae --demo-password-env angen --school a --username.</translation>
    </message>
    <message>
        <source>The OTrack server to sign in to and sync with, https://host:port.</source>
        <translation>Y gweinydd OTrack i fewngofnodi iddo a chysoni ag ef, https://host:port.</translation>
    </message>
    <message>
        <source>Print each setting, its value and where it comes from (policy, machine default, user), then quit. For IT staff.</source>
        <translation>Argraffu pob gosodiad, ei werth ac o ble y daw (polisi, rhagosodiad y peiriant, defnyddiwr), yna gadael. Ar gyfer staff TG.</translation>
    </message>
</context>
<context>
    <name>ErrorText</name>
    <message>
        <source>The password is not right for this account on this PC. Check Caps Lock and try again.</source>
        <translation>Nid yw&apos;r cyfrinair yn gywir ar gyfer y cyfrif hwn ar y cyfrifiadur hwn. Gwiriwch Caps Lock a rhowch gynnig arall arni.</translation>
    </message>
    <message>
        <source>This PC&apos;s sign-in key is no longer valid. Sign in with your password while connected to your school&apos;s network.</source>
        <translation>Nid yw allwedd fewngofnodi&apos;r cyfrifiadur hwn yn ddilys mwyach. Mewngofnodwch gyda&apos;ch cyfrinair tra byddwch wedi&apos;ch cysylltu â rhwydwaith eich ysgol.</translation>
    </message>
    <message>
        <source>Your saved data on this PC is damaged or has been altered, so OTrack will not open it. Ask your IT team for help. Data that was already synced is safe on the server.</source>
        <translation>Mae&apos;ch data sydd wedi&apos;i gadw ar y cyfrifiadur hwn wedi&apos;i ddifrodi neu wedi&apos;i newid, felly ni fydd OTrack yn ei agor. Gofynnwch i&apos;ch tîm TG am help. Mae data a gysonwyd eisoes yn ddiogel ar y gweinydd.</translation>
    </message>
    <message>
        <source>The data file on this PC is not encrypted, so OTrack will not use it. Ask your IT team for help.</source>
        <translation>Nid yw&apos;r ffeil ddata ar y cyfrifiadur hwn wedi&apos;i hamgryptio, felly ni fydd OTrack yn ei defnyddio. Gofynnwch i&apos;ch tîm TG am help.</translation>
    </message>
    <message>
        <source>This copy of OTrack cannot encrypt data, so it will not store any. Ask your IT team to reinstall OTrack.</source>
        <translation>Ni all y copi hwn o OTrack amgryptio data, felly ni fydd yn cadw dim. Gofynnwch i&apos;ch tîm TG ailosod OTrack.</translation>
    </message>
    <message>
        <source>Your data on this PC was saved by a newer version of OTrack. Ask your IT team to update OTrack on this PC.</source>
        <translation>Cadwyd eich data ar y cyfrifiadur hwn gan fersiwn mwy newydd o OTrack. Gofynnwch i&apos;ch tîm TG ddiweddaru OTrack ar y cyfrifiadur hwn.</translation>
    </message>
    <message>
        <source>The disk on this PC is full. Free some space, then try again.</source>
        <translation>Mae&apos;r ddisg ar y cyfrifiadur hwn yn llawn. Rhyddhewch ychydig o le, yna rhowch gynnig arall arni.</translation>
    </message>
    <message>
        <source>OTrack cannot save to its data folder on this PC. Ask your IT team to check the folder&apos;s permissions.</source>
        <translation>Ni all OTrack gadw i&apos;w ffolder ddata ar y cyfrifiadur hwn. Gofynnwch i&apos;ch tîm TG wirio caniatâd y ffolder.</translation>
    </message>
    <message>
        <source>OTrack could not find your saved data on this PC.</source>
        <translation>Nid oedd OTrack yn gallu dod o hyd i&apos;ch data sydd wedi&apos;i gadw ar y cyfrifiadur hwn.</translation>
    </message>
    <message>
        <source>There is already saved data for this account on this PC.</source>
        <translation>Mae data wedi&apos;i gadw eisoes ar gyfer y cyfrif hwn ar y cyfrifiadur hwn.</translation>
    </message>
    <message>
        <source>Your data is open in another OTrack window. Close it, then try again.</source>
        <translation>Mae&apos;ch data ar agor mewn ffenestr OTrack arall. Caewch hi, yna rhowch gynnig arall arni.</translation>
    </message>
    <message>
        <source>Some of the details entered are not valid.</source>
        <translation>Nid yw rhai o&apos;r manylion a roddwyd yn ddilys.</translation>
    </message>
    <message>
        <source>This is locked and cannot be changed.</source>
        <translation>Mae hwn wedi&apos;i gloi ac ni ellir ei newid.</translation>
    </message>
    <message>
        <source>OTrack could not read or save your data on this PC. Try again; if it keeps happening, ask your IT team.</source>
        <translation>Nid oedd OTrack yn gallu darllen na chadw eich data ar y cyfrifiadur hwn. Rhowch gynnig arall arni; os yw&apos;n dal i ddigwydd, gofynnwch i&apos;ch tîm TG.</translation>
    </message>
    <message>
        <source>Server reachable</source>
        <translation>Mae&apos;r gweinydd ar gael</translation>
    </message>
    <message>
        <source>The server needs a different version of OTrack. Ask your IT team to update OTrack.</source>
        <translation>Mae&apos;r gweinydd angen fersiwn gwahanol o OTrack. Gofynnwch i&apos;ch tîm TG ddiweddaru OTrack.</translation>
    </message>
    <message>
        <source>The server&apos;s security certificate is not trusted, so OTrack did not connect (%1).</source>
        <extracomment>%1 is the technical reason, e.g. &quot;The certificate is self-signed, and untrusted&quot;</extracomment>
        <translation>Nid oes modd ymddiried yn nhystysgrif ddiogelwch y gweinydd, felly ni chysylltodd OTrack (%1).</translation>
    </message>
    <message>
        <source>A secure connection to the server could not be made.</source>
        <translation>Nid oedd modd gwneud cysylltiad diogel â&apos;r gweinydd.</translation>
    </message>
    <message>
        <source>The server cannot be reached. Check the network connection.</source>
        <translation>Nid oes modd cyrraedd y gweinydd. Gwiriwch y cysylltiad rhwydwaith.</translation>
    </message>
    <message>
        <source>The server did not answer in time.</source>
        <translation>Ni atebodd y gweinydd mewn pryd.</translation>
    </message>
    <message>
        <source>The server answered with an error (HTTP %1).</source>
        <translation>Atebodd y gweinydd gyda gwall (HTTP %1).</translation>
    </message>
    <message>
        <source>The server&apos;s answer was not understood.</source>
        <translation>Nid oedd modd deall ateb y gweinydd.</translation>
    </message>
    <message>
        <source>Server check cancelled.</source>
        <translation>Canslwyd gwirio&apos;r gweinydd.</translation>
    </message>
    <message>
        <source>The server&apos;s CA certificate file cannot be read.</source>
        <translation>Nid oes modd darllen ffeil tystysgrif CA y gweinydd.</translation>
    </message>
    <message>
        <source>The server address or its CA certificate is not valid. The address must start with https://.</source>
        <translation>Nid yw cyfeiriad y gweinydd na&apos;i dystysgrif CA yn ddilys. Rhaid i&apos;r cyfeiriad ddechrau gyda https://.</translation>
    </message>
    <message>
        <source>OTrack cannot reach your school&apos;s OTrack server. Check the network connection.</source>
        <translation>Ni all OTrack gyrraedd gweinydd OTrack eich ysgol. Gwiriwch y cysylltiad rhwydwaith.</translation>
    </message>
    <message>
        <source>The server&apos;s security certificate is not trusted, so OTrack did not connect (%1). Ask your IT team.</source>
        <extracomment>%1 is the technical reason, e.g. &quot;The certificate is self-signed, and untrusted&quot;</extracomment>
        <translation>Nid oes modd ymddiried yn nhystysgrif ddiogelwch y gweinydd, felly ni chysylltodd OTrack (%1). Gofynnwch i&apos;ch tîm TG.</translation>
    </message>
    <message>
        <source>A secure connection to the server could not be made. Ask your IT team if this keeps happening.</source>
        <translation>Nid oedd modd gwneud cysylltiad diogel â&apos;r gweinydd. Gofynnwch i&apos;ch tîm TG os yw hyn yn dal i ddigwydd.</translation>
    </message>
    <message>
        <source>The school, username or password is not right. Check Caps Lock and try again.</source>
        <translation>Nid yw&apos;r ysgol, yr enw defnyddiwr na&apos;r cyfrinair yn gywir. Gwiriwch Caps Lock a rhowch gynnig arall arni.</translation>
    </message>
    <message>
        <source>Too many attempts to sign in. Wait a few minutes, then try again.</source>
        <translation>Gormod o ymdrechion i fewngofnodi. Arhoswch ychydig funudau, yna rhowch gynnig arall arni.</translation>
    </message>
    <message>
        <source>There is no saved data for you on this PC yet. The first sign-in on a PC needs the network.</source>
        <translation>Nid oes data wedi&apos;i gadw ar eich cyfer ar y cyfrifiadur hwn eto. Mae&apos;r mewngofnodi cyntaf ar gyfrifiadur angen y rhwydwaith.</translation>
    </message>
    <message>
        <source>The server needs a newer version of OTrack. Ask your IT team to update OTrack.</source>
        <translation>Mae&apos;r gweinydd angen fersiwn mwy newydd o OTrack. Gofynnwch i&apos;ch tîm TG ddiweddaru OTrack.</translation>
    </message>
    <message>
        <source>This PC&apos;s access to OTrack was withdrawn, so its saved data has been deleted. Ask your IT team.</source>
        <translation>Tynnwyd mynediad y cyfrifiadur hwn i OTrack yn ôl, felly mae ei ddata wedi&apos;i ddileu. Gofynnwch i&apos;ch tîm TG.</translation>
    </message>
    <message>
        <source>Signing in did not work. Try again; if it keeps happening, ask your IT team.</source>
        <translation>Ni weithiodd y mewngofnodi. Rhowch gynnig arall arni; os yw&apos;n dal i ddigwydd, gofynnwch i&apos;ch tîm TG.</translation>
    </message>
    <message numerus="yes">
        <source>Online, %n change(s) to send</source>
        <translation>
            <numerusform>Ar-lein, newidiadau i&apos;w hanfon: %n</numerusform>
            <numerusform>Ar-lein, newidiadau i&apos;w hanfon: %n</numerusform>
            <numerusform>Ar-lein, newidiadau i&apos;w hanfon: %n</numerusform>
            <numerusform>Ar-lein, newidiadau i&apos;w hanfon: %n</numerusform>
            <numerusform>Ar-lein, newidiadau i&apos;w hanfon: %n</numerusform>
        </translation>
    </message>
    <message>
        <source>Online</source>
        <translation>Ar-lein</translation>
    </message>
    <message>
        <source>Syncing...</source>
        <translation>Wrthi&apos;n cysoni...</translation>
    </message>
    <message numerus="yes">
        <source>Offline, %n change(s) saved on this PC</source>
        <translation>
            <numerusform>All-lein, newidiadau wedi&apos;u cadw ar y cyfrifiadur hwn: %n</numerusform>
            <numerusform>All-lein, newidiadau wedi&apos;u cadw ar y cyfrifiadur hwn: %n</numerusform>
            <numerusform>All-lein, newidiadau wedi&apos;u cadw ar y cyfrifiadur hwn: %n</numerusform>
            <numerusform>All-lein, newidiadau wedi&apos;u cadw ar y cyfrifiadur hwn: %n</numerusform>
            <numerusform>All-lein, newidiadau wedi&apos;u cadw ar y cyfrifiadur hwn: %n</numerusform>
        </translation>
    </message>
    <message>
        <source>Offline</source>
        <translation>All-lein</translation>
    </message>
    <message>
        <source>Sign in again to sync</source>
        <translation>Mewngofnodwch eto i gysoni</translation>
    </message>
    <message>
        <source>Sync waits for the legal documents</source>
        <translation>Mae cysoni&apos;n aros am y dogfennau cyfreithiol</translation>
    </message>
    <message>
        <source>Sync waits for your school&apos;s terms</source>
        <translation>Mae cysoni&apos;n aros am delerau eich ysgol</translation>
    </message>
    <message>
        <source>Update OTrack to sync</source>
        <translation>Diweddarwch OTrack i gysoni</translation>
    </message>
    <message>
        <source>Secure connection failed</source>
        <translation>Methodd y cysylltiad diogel</translation>
    </message>
    <message>
        <source>Access withdrawn</source>
        <translation>Tynnwyd mynediad yn ôl</translation>
    </message>
    <message>
        <source>Sync problem</source>
        <translation>Problem cysoni</translation>
    </message>
    <message>
        <source>OTrack is connected to your school&apos;s server. Your marks are saved on this PC at once and sent to the server a moment later.</source>
        <translation>Mae OTrack wedi&apos;i gysylltu â gweinydd eich ysgol. Caiff eich marciau eu cadw ar y cyfrifiadur hwn ar unwaith a&apos;u hanfon i&apos;r gweinydd eiliad yn ddiweddarach.</translation>
    </message>
    <message>
        <source>OTrack is sending your changes and fetching your colleagues&apos;. Keep working: nothing waits for this.</source>
        <translation>Mae OTrack yn anfon eich newidiadau ac yn nôl rhai eich cydweithwyr. Daliwch ati i weithio: nid oes dim yn aros am hyn.</translation>
    </message>
    <message>
        <source>The server cannot be reached. Keep working: your marks are saved on this PC and sent when the network is back. OTrack tries again by itself; choose Sync now to try at once.</source>
        <translation>Nid oes modd cyrraedd y gweinydd. Daliwch ati i weithio: caiff eich marciau eu cadw ar y cyfrifiadur hwn a&apos;u hanfon pan fydd y rhwydwaith yn ôl. Mae OTrack yn rhoi cynnig arall arni ei hun; dewiswch Cysoni nawr i geisio ar unwaith.</translation>
    </message>
    <message>
        <source>The server asks you to sign in again. Choose File, Sign out, then sign in. Your marks on this PC are kept.</source>
        <translation>Mae&apos;r gweinydd yn gofyn i chi fewngofnodi eto. Dewiswch Ffeil, Allgofnodi, yna mewngofnodwch. Caiff eich marciau ar y cyfrifiadur hwn eu cadw.</translation>
    </message>
    <message>
        <source>Your school has not signed OTrack&apos;s Data Processing Terms yet (or its account is paused), so the server processes none of its pupil data. Your marks wait safely on this PC. Ask your school&apos;s OTrack owner.</source>
        <translation>Nid yw eich ysgol wedi llofnodi Telerau Prosesu Data OTrack eto (neu mae ei chyfrif wedi&apos;i atal), felly nid yw&apos;r gweinydd yn prosesu dim o&apos;i data disgyblion. Mae eich marciau&apos;n aros yn ddiogel ar y cyfrifiadur hwn. Gofynnwch i berchennog OTrack eich ysgol.</translation>
    </message>
    <message>
        <source>This version of OTrack is too old for the server. Your marks wait safely on this PC. Ask your IT team to update OTrack.</source>
        <translation>Mae&apos;r fersiwn hwn o OTrack yn rhy hen i&apos;r gweinydd. Mae eich marciau&apos;n aros yn ddiogel ar y cyfrifiadur hwn. Gofynnwch i&apos;ch tîm TG ddiweddaru OTrack.</translation>
    </message>
    <message>
        <source>The server&apos;s security certificate is not trusted, so OTrack sent nothing (%1). Ask your IT team.</source>
        <translation>Nid oes modd ymddiried yn nhystysgrif ddiogelwch y gweinydd, felly ni anfonodd OTrack ddim (%1). Gofynnwch i&apos;ch tîm TG.</translation>
    </message>
    <message>
        <source>A secure connection to the server could not be made. OTrack tries again by itself; ask your IT team if this lasts.</source>
        <translation>Nid oedd modd gwneud cysylltiad diogel â&apos;r gweinydd. Mae OTrack yn rhoi cynnig arall arni ei hun; gofynnwch i&apos;ch tîm TG os yw hyn yn parhau.</translation>
    </message>
    <message>
        <source>This PC&apos;s access was withdrawn by your school, so OTrack deleted its saved data. Ask your IT team.</source>
        <translation>Tynnodd eich ysgol fynediad y cyfrifiadur hwn yn ôl, felly dilëodd OTrack ei ddata. Gofynnwch i&apos;ch tîm TG.</translation>
    </message>
    <message>
        <source>The last sync did not complete. OTrack tries again by itself; your marks are safe on this PC. If this lasts, ask your IT team.</source>
        <translation>Ni chwblhawyd y cysoni diwethaf. Mae OTrack yn rhoi cynnig arall arni ei hun; mae eich marciau&apos;n ddiogel ar y cyfrifiadur hwn. Os yw hyn yn parhau, gofynnwch i&apos;ch tîm TG.</translation>
    </message>
    <message numerus="yes">
        <source>%n change(s) waiting to be sent.</source>
        <translation>
            <numerusform>Newidiadau yn aros i&apos;w hanfon: %n.</numerusform>
            <numerusform>Newidiadau yn aros i&apos;w hanfon: %n.</numerusform>
            <numerusform>Newidiadau yn aros i&apos;w hanfon: %n.</numerusform>
            <numerusform>Newidiadau yn aros i&apos;w hanfon: %n.</numerusform>
            <numerusform>Newidiadau yn aros i&apos;w hanfon: %n.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n mark(s) changed by someone else too: open Conflicts to choose.</source>
        <translation>
            <numerusform>Marciau a newidiwyd gan rywun arall hefyd: %n. Agorwch Gwrthdaro i ddewis.</numerusform>
            <numerusform>Marciau a newidiwyd gan rywun arall hefyd: %n. Agorwch Gwrthdaro i ddewis.</numerusform>
            <numerusform>Marciau a newidiwyd gan rywun arall hefyd: %n. Agorwch Gwrthdaro i ddewis.</numerusform>
            <numerusform>Marciau a newidiwyd gan rywun arall hefyd: %n. Agorwch Gwrthdaro i ddewis.</numerusform>
            <numerusform>Marciau a newidiwyd gan rywun arall hefyd: %n. Agorwch Gwrthdaro i ddewis.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n change(s) refused by the server: see Conflicts.</source>
        <translation>
            <numerusform>Newidiadau a wrthodwyd gan y gweinydd: %n. Gweler Gwrthdaro.</numerusform>
            <numerusform>Newidiadau a wrthodwyd gan y gweinydd: %n. Gweler Gwrthdaro.</numerusform>
            <numerusform>Newidiadau a wrthodwyd gan y gweinydd: %n. Gweler Gwrthdaro.</numerusform>
            <numerusform>Newidiadau a wrthodwyd gan y gweinydd: %n. Gweler Gwrthdaro.</numerusform>
            <numerusform>Newidiadau a wrthodwyd gan y gweinydd: %n. Gweler Gwrthdaro.</numerusform>
        </translation>
    </message>
    <message>
        <source>Last complete sync: %1.</source>
        <translation>Cysoni llawn diwethaf: %1.</translation>
    </message>
    <message>
        <source>Not synced yet.</source>
        <translation>Heb gysoni eto.</translation>
    </message>
    <message>
        <source>The term was locked.</source>
        <translation>Roedd y tymor wedi&apos;i gloi.</translation>
    </message>
    <message>
        <source>You may not change this pupil&apos;s marks.</source>
        <translation>Ni chewch newid marciau&apos;r disgybl hwn.</translation>
    </message>
    <message>
        <source>The pupil&apos;s records were erased.</source>
        <translation>Cafodd cofnodion y disgybl eu dileu.</translation>
    </message>
    <message>
        <source>The pupil is not on the school&apos;s roll any more.</source>
        <translation>Nid yw&apos;r disgybl ar gofrestr yr ysgol mwyach.</translation>
    </message>
    <message>
        <source>The value is not on the objective&apos;s scale.</source>
        <translation>Nid yw&apos;r gwerth ar raddfa&apos;r amcan.</translation>
    </message>
    <message>
        <source>The server refused it (%1).</source>
        <translation>Gwrthododd y gweinydd hyn (%1).</translation>
    </message>
    <message>
        <source>The server will not sync pupil data until you accept its current legal documents. OTrack shows them to you; sync goes on once you accept.</source>
        <translation>Ni fydd y gweinydd yn cysoni data disgyblion nes i chi dderbyn ei ddogfennau cyfreithiol cyfredol. Mae OTrack yn eu dangos i chi; mae&apos;r cysoni&apos;n parhau unwaith y byddwch yn eu derbyn.</translation>
    </message>
</context>
<context>
    <name>GroupAnalysis</name>
    <message>
        <source>Objective</source>
        <translation>Amcan</translation>
    </message>
    <message>
        <source>Pupils</source>
        <translation>Disgyblion</translation>
    </message>
    <message>
        <source>Assessed</source>
        <translation>Aseswyd</translation>
    </message>
    <message>
        <source>% %1</source>
        <extracomment>a column of the analysis: the share of pupils at a value, e.g. &quot;% Expected&quot;</extracomment>
        <translation>% %1</translation>
    </message>
    <message>
        <source>Mean points</source>
        <translation>Pwyntiau cymedrig</translation>
    </message>
    <message>
        <source>Pupil premium</source>
        <translation>Premiwm disgyblion</translation>
    </message>
    <message>
        <source>Others</source>
        <translation>Eraill</translation>
    </message>
    <message>
        <source>Gap</source>
        <translation>Bwlch</translation>
    </message>
    <message>
        <source>SEN</source>
        <translation>AAA</translation>
    </message>
    <message>
        <source>Not SEN</source>
        <translation>Dim AAA</translation>
    </message>
    <message>
        <source>Boys</source>
        <translation>Bechgyn</translation>
    </message>
    <message>
        <source>Girls</source>
        <translation>Merched</translation>
    </message>
    <message>
        <source>All objectives</source>
        <translation>Pob amcan</translation>
    </message>
</context>
<context>
    <name>otrack::AnalysisPage</name>
    <message>
        <source>Chart: pupils at each value</source>
        <translation>Siart: disgyblion ar bob gwerth</translation>
    </message>
    <message>
        <source>Chart: gaps between groups</source>
        <translation>Siart: bylchau rhwng grwpiau</translation>
    </message>
    <message>
        <source>Analysis table</source>
        <translation>Tabl dadansoddi</translation>
    </message>
    <message>
        <source>Export table as &amp;CSV...</source>
        <translation>Allforio&apos;r tabl fel &amp;CSV...</translation>
    </message>
    <message>
        <source>Export table as CSV</source>
        <translation>Allforio&apos;r tabl fel CSV</translation>
    </message>
    <message>
        <source>Save report as &amp;PDF...</source>
        <translation>Cadw&apos;r adroddiad fel &amp;PDF...</translation>
    </message>
    <message>
        <source>Save report as PDF</source>
        <translation>Cadw&apos;r adroddiad fel PDF</translation>
    </message>
    <message>
        <source>Nothing to analyse yet: choose a group with pupils and marks.</source>
        <translation>Dim i&apos;w ddadansoddi eto: dewiswch grŵp â disgyblion a marciau.</translation>
    </message>
    <message>
        <source>%1, %2, %3</source>
        <extracomment>the analysis heading: %1 framework, %2 group, %3 term</extracomment>
        <translation>%1, %2, %3</translation>
    </message>
    <message>
        <source>Pupils at each value</source>
        <translation>Disgyblion ar bob gwerth</translation>
    </message>
    <message>
        <source>All</source>
        <translation>Y cyfan</translation>
    </message>
    <message>
        <source>Mean points, all objectives</source>
        <translation>Pwyntiau cymedrig, pob amcan</translation>
    </message>
    <message>
        <source>Pupil premium, SEN, boys</source>
        <translation>Premiwm disgyblion, AAA, bechgyn</translation>
    </message>
    <message>
        <source>Others, not SEN, girls</source>
        <translation>Eraill, dim AAA, merched</translation>
    </message>
    <message>
        <source>Pupil premium</source>
        <translation>Premiwm disgyblion</translation>
    </message>
    <message>
        <source>SEN</source>
        <translation>AAA</translation>
    </message>
    <message>
        <source>Boys / girls</source>
        <translation>Bechgyn / merched</translation>
    </message>
    <message>
        <source>Saving the report...</source>
        <translation>Wrthi&apos;n cadw&apos;r adroddiad...</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Canslo</translation>
    </message>
    <message>
        <source>Saving the report: page %1 of %2</source>
        <extracomment>%1 page being written, %2 pages</extracomment>
        <translation>Wrthi&apos;n cadw&apos;r adroddiad: tudalen %1 o %2</translation>
    </message>
    <message>
        <source>CSV files (*.csv)</source>
        <translation>Ffeiliau CSV (*.csv)</translation>
    </message>
    <message>
        <source>The table was not saved: %1</source>
        <translation>Ni chadwyd y tabl: %1</translation>
    </message>
    <message>
        <source>Table saved.</source>
        <translation>Cadwyd y tabl.</translation>
    </message>
    <message>
        <source>PDF files (*.pdf)</source>
        <translation>Ffeiliau PDF (*.pdf)</translation>
    </message>
    <message>
        <source>The report was not saved: %1</source>
        <translation>Ni chadwyd yr adroddiad: %1</translation>
    </message>
    <message>
        <source>Report saved.</source>
        <translation>Cadwyd yr adroddiad.</translation>
    </message>
    <message>
        <source>Cancelled: no report was saved.</source>
        <translation>Canslwyd: ni chadwyd adroddiad.</translation>
    </message>
</context>
<context>
    <name>otrack::AppController</name>
    <message>
        <source>OTrack</source>
        <translation>OTrack</translation>
    </message>
    <message>
        <source>OTrack will close.</source>
        <translation>Bydd OTrack yn cau.</translation>
    </message>
    <message>
        <source>No OTrack server is set up on this PC, so OTrack can only open data already on it. Ask your IT team.</source>
        <translation>Nid oes gweinydd OTrack wedi&apos;i osod ar y cyfrifiadur hwn, felly dim ond data sydd arno eisoes y gall OTrack ei agor. Gofynnwch i&apos;ch tîm TG.</translation>
    </message>
    <message>
        <source>Ask your IT team.</source>
        <translation>Gofynnwch i&apos;ch tîm TG.</translation>
    </message>
</context>
<context>
    <name>otrack::CellDetailsPanel</name>
    <message>
        <source>Cell details</source>
        <translation>Manylion y gell</translation>
    </message>
    <message>
        <source>Objective</source>
        <translation>Amcan</translation>
    </message>
    <message>
        <source>Objective statement</source>
        <translation>Datganiad yr amcan</translation>
    </message>
    <message>
        <source>Pupil</source>
        <translation>Disgybl</translation>
    </message>
    <message>
        <source>Mark</source>
        <translation>Marc</translation>
    </message>
    <message>
        <source>Keys</source>
        <translation>Bysellau</translation>
    </message>
    <message>
        <source>No cell selected</source>
        <translation>Dim cell wedi&apos;i dewis</translation>
    </message>
    <message>
        <source>Choose a cell to see its objective in full.</source>
        <translation>Dewiswch gell i weld ei hamcan yn llawn.</translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <extracomment>the pupil line of the details panel: %1 name, %2 their flags in words</extracomment>
        <translation>%1 (%2)</translation>
    </message>
    <message>
        <source>Choose a mark cell to see its objective in full.</source>
        <translation>Dewiswch gell farc i weld ei hamcan yn llawn.</translation>
    </message>
    <message>
        <source>%1, set by %2, %3</source>
        <extracomment>%1 value, %2 who changed it, %3 date and time</extracomment>
        <translation>%1, wedi&apos;i osod gan %2, %3</translation>
    </message>
    <message>
        <source>This term is locked: read only.</source>
        <translation>Mae&apos;r tymor hwn wedi&apos;i gloi: darllen yn unig.</translation>
    </message>
    <message>
        <source>%1   %2   %3</source>
        <extracomment>one line of the scale&apos;s legend: %1 key, %2 code, %3 label</extracomment>
        <translation>%1   %2   %3</translation>
    </message>
    <message>
        <source>Key %1: %2</source>
        <translation>Bysell %1: %2</translation>
    </message>
    <message>
        <source>Delete   clears the cell</source>
        <extracomment>the Delete key clears a cell</extracomment>
        <translation>Delete   yn clirio&apos;r gell</translation>
    </message>
</context>
<context>
    <name>otrack::ConflictsPage</name>
    <message>
        <source>Conflicts</source>
        <translation>Gwrthdaro</translation>
    </message>
    <message>
        <source>Refused changes</source>
        <translation>Newidiadau a wrthodwyd</translation>
    </message>
    <message>
        <source>&amp;Keep mine</source>
        <translation>&amp;Cadw fy un i</translation>
    </message>
    <message>
        <source>&amp;Take theirs</source>
        <translation>&amp;Derbyn eu hun nhw</translation>
    </message>
    <message>
        <source>Keep &amp;all mine</source>
        <translation>Cadw fy rhai i &amp;i gyd</translation>
    </message>
    <message>
        <source>Take all t&amp;heirs</source>
        <translation>Derbyn eu rhai nhw i &amp;gyd</translation>
    </message>
    <message>
        <source>Changes the server refused</source>
        <translation>Newidiadau a wrthododd y gweinydd</translation>
    </message>
    <message>
        <source>(cleared)</source>
        <translation>(wedi&apos;i glirio)</translation>
    </message>
    <message>
        <source>Pupil</source>
        <translation>Disgybl</translation>
    </message>
    <message>
        <source>Objective</source>
        <translation>Amcan</translation>
    </message>
    <message>
        <source>Term</source>
        <translation>Tymor</translation>
    </message>
    <message>
        <source>Mine</source>
        <translation>Fy un i</translation>
    </message>
    <message>
        <source>Changed by me</source>
        <translation>Newidiwyd gennyf i</translation>
    </message>
    <message>
        <source>Theirs</source>
        <translation>Eu hun nhw</translation>
    </message>
    <message>
        <source>Changed by</source>
        <translation>Newidiwyd gan</translation>
    </message>
    <message>
        <source>Changed at</source>
        <translation>Newidiwyd am</translation>
    </message>
    <message>
        <source>someone else</source>
        <translation>rhywun arall</translation>
    </message>
    <message>
        <source>Value</source>
        <translation>Gwerth</translation>
    </message>
    <message>
        <source>Refused at</source>
        <translation>Gwrthodwyd am</translation>
    </message>
    <message>
        <source>Why</source>
        <translation>Pam</translation>
    </message>
    <message>
        <source>No conflicts: every mark you made is the one on the server.</source>
        <translation>Dim gwrthdaro: pob marc a wnaethoch yw&apos;r un sydd ar y gweinydd.</translation>
    </message>
    <message numerus="yes">
        <source>%n mark(s) were changed on the server while you changed them too. Choose which value stays: yours (sent again) or theirs.</source>
        <translation>
            <numerusform>Marciau a newidiwyd ar y gweinydd tra oeddech chi&apos;n eu newid hefyd: %n. Dewiswch pa werth sy&apos;n aros: eich un chi (a anfonir eto) neu eu hun nhw.</numerusform>
            <numerusform>Marciau a newidiwyd ar y gweinydd tra oeddech chi&apos;n eu newid hefyd: %n. Dewiswch pa werth sy&apos;n aros: eich un chi (a anfonir eto) neu eu hun nhw.</numerusform>
            <numerusform>Marciau a newidiwyd ar y gweinydd tra oeddech chi&apos;n eu newid hefyd: %n. Dewiswch pa werth sy&apos;n aros: eich un chi (a anfonir eto) neu eu hun nhw.</numerusform>
            <numerusform>Marciau a newidiwyd ar y gweinydd tra oeddech chi&apos;n eu newid hefyd: %n. Dewiswch pa werth sy&apos;n aros: eich un chi (a anfonir eto) neu eu hun nhw.</numerusform>
            <numerusform>Marciau a newidiwyd ar y gweinydd tra oeddech chi&apos;n eu newid hefyd: %n. Dewiswch pa werth sy&apos;n aros: eich un chi (a anfonir eto) neu eu hun nhw.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>otrack::GridEditor</name>
    <message>
        <source>You can read these marks but not change them.</source>
        <translation>Gallwch ddarllen y marciau hyn ond nid eu newid.</translation>
    </message>
    <message>
        <source>%1 is locked: its marks can be read but not changed. Ask your data manager if a mark must change.</source>
        <extracomment>%1 is the term, e.g. &quot;Autumn 2&quot;</extracomment>
        <translation>Mae %1 wedi&apos;i gloi: gellir darllen ei farciau ond nid eu newid. Gofynnwch i&apos;ch rheolwr data os oes rhaid newid marc.</translation>
    </message>
    <message>
        <source>Not saved: %1</source>
        <translation>Heb ei gadw: %1</translation>
    </message>
</context>
<context>
    <name>otrack::LegalAcceptanceDialog</name>
    <message>
        <source>OTrack: please read and accept</source>
        <translation>OTrack: darllenwch a derbyniwch</translation>
    </message>
    <message>
        <source>Before OTrack shows or syncs any pupil data, please read each of these documents to the end and accept it. Until you do, OTrack keeps your school&apos;s data closed on this PC and does not sync it.</source>
        <translation>Cyn i OTrack ddangos neu gysoni unrhyw ddata disgyblion, darllenwch bob un o&apos;r dogfennau hyn hyd y diwedd a&apos;i derbyn. Nes i chi wneud hynny, mae OTrack yn cadw data eich ysgol ar gau ar y cyfrifiadur hwn ac nid yw&apos;n ei gysoni.</translation>
    </message>
    <message>
        <source>Why you are asked</source>
        <translation>Pam y gofynnir i chi</translation>
    </message>
    <message>
        <source>OTrack found that the record of your earlier acceptances on this PC had been altered, so it asks you to accept again.</source>
        <translation>Canfu OTrack fod cofnod eich derbyniadau cynharach ar y cyfrifiadur hwn wedi&apos;i newid, felly mae&apos;n gofyn i chi dderbyn eto.</translation>
    </message>
    <message>
        <source>Warning</source>
        <translation>Rhybudd</translation>
    </message>
    <message>
        <source>Documents to accept</source>
        <translation>Dogfennau i&apos;w derbyn</translation>
    </message>
    <message>
        <source>Signing for your school</source>
        <translation>Llofnodi ar ran eich ysgol</translation>
    </message>
    <message>
        <source>Your full name</source>
        <translation>Eich enw llawn</translation>
    </message>
    <message>
        <source>Your position at the school</source>
        <translation>Eich swydd yn yr ysgol</translation>
    </message>
    <message>
        <source>I am a&amp;uthorised to sign the Data Processing Terms for this school</source>
        <translation>Mae gennyf a&amp;wdurdod i lofnodi&apos;r Telerau Prosesu Data ar ran yr ysgol hon</translation>
    </message>
    <message>
        <source>I am authorised to sign the Data Processing Terms for this school</source>
        <translation>Mae gennyf awdurdod i lofnodi&apos;r Telerau Prosesu Data ar ran yr ysgol hon</translation>
    </message>
    <message>
        <source>Full &amp;name:</source>
        <translation>E&amp;nw llawn:</translation>
    </message>
    <message>
        <source>P&amp;osition:</source>
        <translation>S&amp;wydd:</translation>
    </message>
    <message>
        <source>Documents accepted</source>
        <translation>Dogfennau a dderbyniwyd</translation>
    </message>
    <message>
        <source>&amp;Decline...</source>
        <translation>&amp;Gwrthod...</translation>
    </message>
    <message>
        <source>Decline</source>
        <translation>Gwrthod</translation>
    </message>
    <message>
        <source>&amp;Accept</source>
        <translation>&amp;Derbyn</translation>
    </message>
    <message>
        <source>Accept all documents</source>
        <translation>Derbyn pob dogfen</translation>
    </message>
    <message>
        <source>Decline and close OTrack?</source>
        <translation>Gwrthod a chau OTrack?</translation>
    </message>
    <message>
        <source>If you decline, OTrack cannot show or sync any pupil data, and it closes now. Nothing you recorded before is deleted: the next time you sign in, OTrack asks you again.

If you have questions about these documents, ask your school&apos;s data protection officer or data manager before you decide.</source>
        <translation>Os byddwch yn gwrthod, ni all OTrack ddangos na chysoni unrhyw ddata disgyblion, ac mae&apos;n cau nawr. Nid oes dim a gofnodwyd gennych o&apos;r blaen yn cael ei ddileu: y tro nesaf y byddwch yn mewngofnodi, bydd OTrack yn gofyn i chi eto.

Os oes gennych gwestiynau am y dogfennau hyn, gofynnwch i swyddog diogelu data neu reolwr data eich ysgol cyn i chi benderfynu.</translation>
    </message>
    <message>
        <source>What declining means</source>
        <translation>Beth mae gwrthod yn ei olygu</translation>
    </message>
    <message>
        <source>&amp;Go back to the documents</source>
        <translation>&amp;Mynd yn ôl at y dogfennau</translation>
    </message>
    <message>
        <source>Go back to the documents</source>
        <translation>Mynd yn ôl at y dogfennau</translation>
    </message>
    <message>
        <source>Decline and &amp;close OTrack</source>
        <translation>Gwrthod a &amp;chau OTrack</translation>
    </message>
    <message>
        <source>Decline and close OTrack</source>
        <translation>Gwrthod a chau OTrack</translation>
    </message>
    <message>
        <source>%1 of %2 documents accepted</source>
        <extracomment>%1 documents of %2 accepted so far</extracomment>
        <translation>%1 o %2 dogfen wedi&apos;u derbyn</translation>
    </message>
</context>
<context>
    <name>otrack::LegalDocumentPage</name>
    <message>
        <source>Version %1, effective from %2</source>
        <extracomment>%1 is a document&apos;s version number, %2 the date it takes effect</extracomment>
        <translation>Fersiwn %1, yn weithredol o %2</translation>
    </message>
    <message>
        <source>Version and effective date</source>
        <translation>Fersiwn a dyddiad dod i rym</translation>
    </message>
    <message>
        <source>What changed</source>
        <translation>Beth newidiodd</translation>
    </message>
    <message>
        <source>You accepted version %1 before. Summary of the changes: %2</source>
        <extracomment>%1 is the version the user accepted before, %2 a one-line summary of the changes</extracomment>
        <translation>Fe dderbynioch fersiwn %1 o&apos;r blaen. Crynodeb o&apos;r newidiadau: %2</translation>
    </message>
    <message>
        <source>Summary of the changes</source>
        <translation>Crynodeb o&apos;r newidiadau</translation>
    </message>
    <message>
        <source>View the previous &amp;version</source>
        <translation>Gweld y &amp;fersiwn blaenorol</translation>
    </message>
    <message>
        <source>View the version you accepted before</source>
        <translation>Gweld y fersiwn a dderbynioch o&apos;r blaen</translation>
    </message>
    <message>
        <source>Find in this document (Ctrl+F)</source>
        <translation>Chwilio yn y ddogfen hon (Ctrl+F)</translation>
    </message>
    <message>
        <source>Find in this document</source>
        <translation>Chwilio yn y ddogfen hon</translation>
    </message>
    <message>
        <source>Find ne&amp;xt</source>
        <translation>Canfod y &amp;nesaf</translation>
    </message>
    <message>
        <source>Find next</source>
        <translation>Canfod y nesaf</translation>
    </message>
    <message>
        <source>Find result</source>
        <translation>Canlyniad chwilio</translation>
    </message>
    <message>
        <source>A-</source>
        <translation>A-</translation>
    </message>
    <message>
        <source>Make the text smaller</source>
        <translation>Gwneud y testun yn llai</translation>
    </message>
    <message>
        <source>A+</source>
        <translation>A+</translation>
    </message>
    <message>
        <source>Make the text larger</source>
        <translation>Gwneud y testun yn fwy</translation>
    </message>
    <message>
        <source>&amp;Print...</source>
        <translation>&amp;Argraffu...</translation>
    </message>
    <message>
        <source>Print this document</source>
        <translation>Argraffu&apos;r ddogfen hon</translation>
    </message>
    <message>
        <source>Save as PD&amp;F...</source>
        <translation>Cadw fel PD&amp;F...</translation>
    </message>
    <message>
        <source>Save this document as a PDF file</source>
        <translation>Cadw&apos;r ddogfen hon fel ffeil PDF</translation>
    </message>
    <message>
        <source>Text of the %1</source>
        <translation>Testun y %1</translation>
    </message>
    <message>
        <source>Read to the end of the document to accept it.</source>
        <translation>Darllenwch hyd ddiwedd y ddogfen i&apos;w derbyn.</translation>
    </message>
    <message>
        <source>How to accept</source>
        <translation>Sut i dderbyn</translation>
    </message>
    <message>
        <source>I have &amp;read and accept the %1</source>
        <extracomment>%1 is the document&apos;s title, e.g. &quot;Privacy Policy&quot;</extracomment>
        <translation>Rwyf wedi &amp;darllen ac yn derbyn y %1</translation>
    </message>
    <message>
        <source>I have read and accept the %1</source>
        <translation>Rwyf wedi darllen ac yn derbyn y %1</translation>
    </message>
    <message>
        <source>You have reached the end of the document.</source>
        <translation>Rydych wedi cyrraedd diwedd y ddogfen.</translation>
    </message>
    <message>
        <source>Not found</source>
        <translation>Heb ei ganfod</translation>
    </message>
    <message>
        <source>SHA-256 of this text: %1</source>
        <extracomment>%1 is the SHA-256 fingerprint of the document&apos;s text (64 hexadecimal digits)</extracomment>
        <translation>SHA-256 y testun hwn: %1</translation>
    </message>
    <message>
        <source>%1 version %2.pdf</source>
        <extracomment>Suggested file name; %1 is the document&apos;s title, %2 its version</extracomment>
        <translation>%1 fersiwn %2.pdf</translation>
    </message>
    <message>
        <source>Save as PDF</source>
        <translation>Cadw fel PDF</translation>
    </message>
    <message>
        <source>PDF files (*.pdf)</source>
        <translation>Ffeiliau PDF (*.pdf)</translation>
    </message>
    <message>
        <source>Print %1</source>
        <translation>Argraffu %1</translation>
    </message>
    <message>
        <source>%1, version %2 (accepted before)</source>
        <extracomment>%1 is the document&apos;s title, %2 the version the user accepted before</extracomment>
        <translation>%1, fersiwn %2 (a dderbyniwyd o&apos;r blaen)</translation>
    </message>
    <message>
        <source>Text of the version accepted before</source>
        <translation>Testun y fersiwn a dderbyniwyd o&apos;r blaen</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Cau</translation>
    </message>
</context>
<context>
    <name>otrack::MainWindow</name>
    <message>
        <source>OTrack - %1 at %2</source>
        <extracomment>%1 is the staff member&apos;s username, %2 the school</extracomment>
        <translation>OTrack - %1 yn %2</translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation>&amp;Ffeil</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>&amp;Gadael</translation>
    </message>
    <message>
        <source>Local store status</source>
        <translation>Statws y storfa leol</translation>
    </message>
    <message>
        <source>Local store: encrypted (SQLCipher %1), schema version %2</source>
        <extracomment>%1 is the SQLCipher version, %2 the local store&apos;s schema version</extracomment>
        <translation>Storfa leol: wedi&apos;i hamgryptio (SQLCipher %1), fersiwn sgema %2</translation>
    </message>
    <message>
        <source>unknown version</source>
        <translation>fersiwn anhysbys</translation>
    </message>
    <message>
        <source>Workspace pages</source>
        <translation>Tudalennau&apos;r gweithle</translation>
    </message>
    <message>
        <source>Opening your data...</source>
        <translation>Wrthi&apos;n agor eich data...</translation>
    </message>
    <message>
        <source>Working on this PC only</source>
        <translation>Yn gweithio ar y cyfrifiadur hwn yn unig</translation>
    </message>
    <message>
        <source>No OTrack server is set up on this PC, so nothing is synced. Ask your IT team.</source>
        <translation>Nid oes gweinydd OTrack wedi&apos;i osod ar y cyfrifiadur hwn, felly nid oes dim yn cael ei gysoni. Gofynnwch i&apos;ch tîm TG.</translation>
    </message>
    <message>
        <source>&amp;Marking</source>
        <translation>&amp;Marcio</translation>
    </message>
    <message>
        <source>P&amp;upil</source>
        <translation>&amp;Disgybl</translation>
    </message>
    <message>
        <source>&amp;Analysis</source>
        <translation>D&amp;adansoddi</translation>
    </message>
    <message>
        <source>&amp;Conflicts</source>
        <translation>&amp;Gwrthdaro</translation>
    </message>
    <message>
        <source>&amp;Conflicts (%1)</source>
        <extracomment>the Conflicts tab with how many there are</extracomment>
        <translation>&amp;Gwrthdaro (%1)</translation>
    </message>
    <message>
        <source>S&amp;ync now</source>
        <translation>&amp;Cysoni nawr</translation>
    </message>
    <message>
        <source>Sign &amp;out</source>
        <translation>&amp;Allgofnodi</translation>
    </message>
    <message>
        <source>Se&amp;ttings...</source>
        <translation>Gosod&amp;iadau...</translation>
    </message>
    <message>
        <source>&amp;Edit</source>
        <translation>&amp;Golygu</translation>
    </message>
    <message>
        <source>&amp;Undo</source>
        <translation>&amp;Dadwneud</translation>
    </message>
    <message>
        <source>&amp;Redo</source>
        <translation>&amp;Ail-wneud</translation>
    </message>
    <message>
        <source>&amp;Undo %1</source>
        <extracomment>%1 is what undo takes back, e.g. &quot;Paste&quot;</extracomment>
        <translation>&amp;Dadwneud %1</translation>
    </message>
    <message>
        <source>&amp;Redo %1</source>
        <translation>&amp;Ail-wneud %1</translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation>G&amp;weld</translation>
    </message>
    <message>
        <source>After a mark, move &amp;down</source>
        <translation>Ar ôl marc, symud i &amp;lawr</translation>
    </message>
    <message>
        <source>After a mark, move &amp;right</source>
        <translation>Ar ôl marc, symud i&apos;r &amp;dde</translation>
    </message>
    <message>
        <source>&amp;Language</source>
        <translation>&amp;Iaith</translation>
    </message>
    <message>
        <source>Managed by your organisation</source>
        <translation>Wedi&apos;i reoli gan eich sefydliad</translation>
    </message>
    <message>
        <source>&amp;Data</source>
        <translation>Da&amp;ta</translation>
    </message>
    <message>
        <source>&amp;Lock or unlock the term</source>
        <translation>&amp;Cloi neu ddatgloi&apos;r tymor</translation>
    </message>
</context>
<context>
    <name>otrack::MarkGridModel</name>
    <message>
        <source>%1 %2</source>
        <extracomment>a pupil&apos;s name in the grid: %1 forename, %2 surname</extracomment>
        <translation>%1 %2</translation>
    </message>
    <message>
        <source>pupil premium</source>
        <translation>premiwm disgyblion</translation>
    </message>
    <message>
        <source>SEN support</source>
        <translation>cymorth AAA</translation>
    </message>
    <message>
        <source>EHC plan</source>
        <translation>cynllun EHC</translation>
    </message>
    <message>
        <source>English as an additional language</source>
        <translation>Saesneg fel iaith ychwanegol</translation>
    </message>
    <message>
        <source>boy</source>
        <translation>bachgen</translation>
    </message>
    <message>
        <source>girl</source>
        <translation>merch</translation>
    </message>
    <message>
        <source>no flags</source>
        <translation>dim nodweddion</translation>
    </message>
    <message>
        <source>not assessed</source>
        <translation>heb ei asesu</translation>
    </message>
    <message>
        <source>someone else</source>
        <translation>rhywun arall</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1: %2</translation>
    </message>
    <message>
        <source>B</source>
        <extracomment>short for boy (male) in the grid&apos;s gender column</extracomment>
        <translation>B</translation>
    </message>
    <message>
        <source>G</source>
        <translation>M</translation>
    </message>
    <message>
        <source>PP</source>
        <extracomment>short for pupil premium</extracomment>
        <translation>PD</translation>
    </message>
    <message>
        <source>K</source>
        <extracomment>SEN status codes: K = SEN support, E = EHC plan</extracomment>
        <translation>K</translation>
    </message>
    <message>
        <source>E</source>
        <translation>E</translation>
    </message>
    <message>
        <source>EAL</source>
        <extracomment>short for English as an additional language</extracomment>
        <translation>SIY</translation>
    </message>
    <message>
        <source>%1, %2: %3</source>
        <extracomment>a grid cell for screen readers: %1 pupil, %2 objective code, %3 value</extracomment>
        <translation>%1, %2: %3</translation>
    </message>
    <message>
        <source>%1 - %2</source>
        <translation>%1 - %2</translation>
    </message>
    <message>
        <source>Last changed by %1, %2</source>
        <extracomment>who last changed a mark and when: %1 name, %2 date and time</extracomment>
        <translation>Newidiwyd ddiwethaf gan %1, %2</translation>
    </message>
    <message>
        <source>Gender</source>
        <translation>Rhywedd</translation>
    </message>
    <message>
        <source>SEN</source>
        <translation>AAA</translation>
    </message>
    <message>
        <source>Gender: B boy, G girl</source>
        <translation>Rhywedd: B bachgen, M merch</translation>
    </message>
    <message>
        <source>Pupil premium</source>
        <translation>Premiwm disgyblion</translation>
    </message>
    <message>
        <source>Special educational needs: K SEN support, E EHC plan</source>
        <translation>Anghenion addysgol arbennig: K cymorth AAA, E cynllun EHC</translation>
    </message>
</context>
<context>
    <name>otrack::MarkGridView</name>
    <message>
        <source>Marking grid</source>
        <translation>Grid marcio</translation>
    </message>
    <message>
        <source>Pupils in rows, objectives in columns. Type a value&apos;s key to mark a cell.</source>
        <translation>Disgyblion mewn rhesi, amcanion mewn colofnau. Teipiwch fysell gwerth i farcio cell.</translation>
    </message>
    <message>
        <source>&amp;Copy</source>
        <translation>&amp;Copïo</translation>
    </message>
    <message>
        <source>&amp;Paste</source>
        <translation>&amp;Gludo</translation>
    </message>
    <message>
        <source>C&amp;lear marks</source>
        <translation>C&amp;lirio marciau</translation>
    </message>
    <message>
        <source>Fill &amp;down</source>
        <translation>Llenwi i &amp;lawr</translation>
    </message>
    <message>
        <source>Fill &amp;right</source>
        <translation>Llenwi i&apos;r &amp;dde</translation>
    </message>
    <message>
        <source>Choose a mark cell (an objective&apos;s column) to type a mark.</source>
        <translation>Dewiswch gell farc (colofn amcan) i deipio marc.</translation>
    </message>
    <message>
        <source>%1 %2</source>
        <translation>%1 %2</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not a mark on this scale. Keys: %2.</source>
        <extracomment>%1 is the key typed, %2 the keys of the scale, e.g. &quot;W Working towards, E Expected&quot;</extracomment>
        <translation>Nid yw &quot;%1&quot; yn farc ar y raddfa hon. Bysellau: %2.</translation>
    </message>
    <message>
        <source>Mark %1</source>
        <translation>Marcio %1</translation>
    </message>
    <message>
        <source>Nothing was pasted: &quot;%1&quot; (row %2, column %3 of the copied cells) is not a mark on this scale.</source>
        <extracomment>a pasted text that is no value: %1 the text, %2 and %3 its row and column in the pasted block</extracomment>
        <translation>Ni ludwyd dim: nid yw &quot;%1&quot; (rhes %2, colofn %3 o&apos;r celloedd a gopïwyd) yn farc ar y raddfa hon.</translation>
    </message>
    <message>
        <source>Nothing was pasted: choose the first mark cell to paste into.</source>
        <translation>Ni ludwyd dim: dewiswch y gell farc gyntaf i ludo iddi.</translation>
    </message>
    <message>
        <source>Nothing was pasted: the %1 x %2 copied cells do not fit from the selected cell.</source>
        <extracomment>%1 x %2: rows and columns of the copied cells</extracomment>
        <translation>Ni ludwyd dim: nid yw&apos;r %1 x %2 o gelloedd a gopïwyd yn ffitio o&apos;r gell a ddewiswyd.</translation>
    </message>
    <message>
        <source>Paste</source>
        <translation>Gludo</translation>
    </message>
    <message>
        <source>Clear marks</source>
        <translation>Clirio marciau</translation>
    </message>
    <message>
        <source>Select cells below a mark to fill down.</source>
        <translation>Dewiswch gelloedd o dan farc i lenwi i lawr.</translation>
    </message>
    <message>
        <source>Select cells to the right of a mark to fill right.</source>
        <translation>Dewiswch gelloedd i&apos;r dde o farc i lenwi i&apos;r dde.</translation>
    </message>
    <message>
        <source>Fill down</source>
        <translation>Llenwi i lawr</translation>
    </message>
    <message>
        <source>Fill right</source>
        <translation>Llenwi i&apos;r dde</translation>
    </message>
    <message>
        <source>%1	%2</source>
        <extracomment>a context menu entry: %1 the value&apos;s label, %2 its key</extracomment>
        <translation>%1	%2</translation>
    </message>
</context>
<context>
    <name>otrack::MarkingPage</name>
    <message>
        <source>%1 %2</source>
        <extracomment>a term as people read it: %1 name, %2 academic year</extracomment>
        <translation>%1 %2</translation>
    </message>
    <message>
        <source>class</source>
        <translation>dosbarth</translation>
    </message>
    <message>
        <source>set</source>
        <translation>set</translation>
    </message>
    <message>
        <source>intervention</source>
        <translation>ymyriad</translation>
    </message>
    <message>
        <source>Group</source>
        <translation>Grŵp</translation>
    </message>
    <message>
        <source>Framework</source>
        <translation>Fframwaith</translation>
    </message>
    <message>
        <source>Term</source>
        <translation>Tymor</translation>
    </message>
    <message>
        <source>Show pupils</source>
        <translation>Dangos disgyblion</translation>
    </message>
    <message>
        <source>All pupils</source>
        <translation>Pob disgybl</translation>
    </message>
    <message>
        <source>Pupil premium</source>
        <translation>Premiwm disgyblion</translation>
    </message>
    <message>
        <source>Not pupil premium</source>
        <translation>Dim premiwm disgyblion</translation>
    </message>
    <message>
        <source>SEN</source>
        <translation>AAA</translation>
    </message>
    <message>
        <source>Not SEN</source>
        <translation>Dim AAA</translation>
    </message>
    <message>
        <source>EAL</source>
        <translation>SIY</translation>
    </message>
    <message>
        <source>Not EAL</source>
        <translation>Dim SIY</translation>
    </message>
    <message>
        <source>Boys</source>
        <translation>Bechgyn</translation>
    </message>
    <message>
        <source>Girls</source>
        <translation>Merched</translation>
    </message>
    <message>
        <source>Find a pupil by name</source>
        <translation>Chwilio am ddisgybl yn ôl enw</translation>
    </message>
    <message>
        <source>Find a pupil</source>
        <translation>Chwilio am ddisgybl</translation>
    </message>
    <message>
        <source>&amp;Group:</source>
        <translation>&amp;Grŵp:</translation>
    </message>
    <message>
        <source>&amp;Framework:</source>
        <translation>&amp;Fframwaith:</translation>
    </message>
    <message>
        <source>&amp;Term:</source>
        <translation>&amp;Tymor:</translation>
    </message>
    <message>
        <source>S&amp;how:</source>
        <translation>D&amp;angos:</translation>
    </message>
    <message>
        <source>Term locked</source>
        <translation>Tymor wedi&apos;i gloi</translation>
    </message>
    <message>
        <source>Grid message</source>
        <translation>Neges y grid</translation>
    </message>
    <message>
        <source>No pupil data on this PC yet.
Pupil data arrives when OTrack syncs with your school&apos;s OTrack server.</source>
        <translation>Dim data disgyblion ar y cyfrifiadur hwn eto.
Mae data disgyblion yn cyrraedd pan fydd OTrack yn cysoni â gweinydd OTrack eich ysgol.</translation>
    </message>
    <message>
        <source>No pupil data</source>
        <translation>Dim data disgyblion</translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <extracomment>a group in the picker: %1 its name, %2 its kind (class, set, intervention)</extracomment>
        <translation>%1 (%2)</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1: %2</translation>
    </message>
    <message>
        <source>%1 (locked)</source>
        <translation>%1 (wedi&apos;i gloi)</translation>
    </message>
    <message>
        <source>This group has no pupils on roll.</source>
        <translation>Nid oes disgyblion ar gofrestr y grŵp hwn.</translation>
    </message>
    <message>
        <source>Un&amp;lock term</source>
        <translation>Dat&amp;gloi&apos;r tymor</translation>
    </message>
    <message>
        <source>&amp;Lock term</source>
        <translation>&amp;Cloi&apos;r tymor</translation>
    </message>
    <message>
        <source>Unlock term</source>
        <translation>Datgloi&apos;r tymor</translation>
    </message>
    <message>
        <source>Lock term</source>
        <translation>Cloi&apos;r tymor</translation>
    </message>
    <message>
        <source>%1 is locked: its marks can be read but not changed.</source>
        <extracomment>%1 is the term, e.g. &quot;Autumn 2 2026/27&quot;</extracomment>
        <translation>Mae %1 wedi&apos;i gloi: gellir darllen ei farciau ond nid eu newid.</translation>
    </message>
    <message>
        <source>You can read these marks but not change them.</source>
        <translation>Gallwch ddarllen y marciau hyn ond nid eu newid.</translation>
    </message>
    <message>
        <source>Only a data manager can lock or unlock a term.</source>
        <translation>Dim ond rheolwr data all gloi neu ddatgloi tymor.</translation>
    </message>
    <message>
        <source>Term locked on this PC. The lock waits here until sync sends it to the server.</source>
        <translation>Mae&apos;r tymor wedi&apos;i gloi ar y cyfrifiadur hwn. Mae&apos;r clo yn aros yma nes i&apos;r cysoni ei anfon i&apos;r gweinydd.</translation>
    </message>
    <message>
        <source>Term unlocked on this PC. The change waits here until sync sends it to the server.</source>
        <translation>Mae&apos;r tymor wedi&apos;i ddatgloi ar y cyfrifiadur hwn. Mae&apos;r newid yn aros yma nes i&apos;r cysoni ei anfon i&apos;r gweinydd.</translation>
    </message>
</context>
<context>
    <name>otrack::PupilPage</name>
    <message>
        <source>Choose a pupil in the marking grid.</source>
        <translation>Dewiswch ddisgybl yn y grid marcio.</translation>
    </message>
    <message>
        <source>Pupil details</source>
        <translation>Manylion y disgybl</translation>
    </message>
    <message>
        <source>Groups</source>
        <translation>Grwpiau</translation>
    </message>
    <message>
        <source>Chart: attainment across terms</source>
        <translation>Siart: cyrhaeddiad dros y tymhorau</translation>
    </message>
    <message>
        <source>UPN %1 - born %2 - year %3
%4</source>
        <extracomment>pupil details: %1 UPN, %2 date of birth, %3 year group, %4 flags in words</extracomment>
        <translation>UPN %1 - ganwyd %2 - blwyddyn %3
%4</translation>
    </message>
    <message>
        <source>Groups: %1</source>
        <translation>Grwpiau: %1</translation>
    </message>
    <message>
        <source>%1 %2</source>
        <translation>%1 %2</translation>
    </message>
    <message>
        <source>Mean points across terms: %1</source>
        <extracomment>%1 is the framework, e.g. &quot;Maths Year 4&quot;</extracomment>
        <translation>Pwyntiau cymedrig dros y tymhorau: %1</translation>
    </message>
    <message>
        <source>Mean points</source>
        <translation>Pwyntiau cymedrig</translation>
    </message>
</context>
<context>
    <name>otrack::SettingsDialog</name>
    <message>
        <source>OTrack settings</source>
        <translation>Gosodiadau OTrack</translation>
    </message>
    <message>
        <source>Settings marked &quot;Managed by your organisation&quot; are set by your IT team and cannot be changed here.</source>
        <translation>Mae gosodiadau sydd wedi&apos;u marcio &quot;Wedi&apos;i reoli gan eich sefydliad&quot; wedi&apos;u gosod gan eich tîm TG ac ni ellir eu newid yma.</translation>
    </message>
    <message>
        <source>About these settings</source>
        <translation>Am y gosodiadau hyn</translation>
    </message>
    <message>
        <source>Server address</source>
        <translation>Cyfeiriad y gweinydd</translation>
    </message>
    <message>
        <source>https://otrack.example.sch.uk</source>
        <translation>https://otrack.example.sch.uk</translation>
    </message>
    <message>
        <source>CA certificate to trust</source>
        <translation>Tystysgrif CA i&apos;w hymddiried</translation>
    </message>
    <message>
        <source>The full path of your school&apos;s or trust&apos;s CA certificate (PEM), or the certificate in base64</source>
        <translation>Llwybr llawn tystysgrif CA eich ysgol neu&apos;ch ymddiriedolaeth (PEM), neu&apos;r dystysgrif mewn base64</translation>
    </message>
    <message>
        <source>None: only the system&apos;s certificate authorities</source>
        <translation>Dim: awdurdodau tystysgrif y system yn unig</translation>
    </message>
    <message>
        <source>C&amp;hoose...</source>
        <translation>De&amp;wis...</translation>
    </message>
    <message>
        <source>Choose a CA certificate file</source>
        <translation>Dewis ffeil tystysgrif CA</translation>
    </message>
    <message>
        <source>CA certificate details</source>
        <translation>Manylion y dystysgrif CA</translation>
    </message>
    <message>
        <source>Language</source>
        <translation>Iaith</translation>
    </message>
    <message>
        <source>The system&apos;s language</source>
        <translation>Iaith y system</translation>
    </message>
    <message>
        <source>Minutes between syncs</source>
        <translation>Munudau rhwng cysoni</translation>
    </message>
    <message>
        <source> min</source>
        <translation> mun</translation>
    </message>
    <message>
        <source>Allowed when the server cannot be reached</source>
        <translation>Caniateir pan nad oes modd cyrraedd y gweinydd</translation>
    </message>
    <message>
        <source>Allow offline sign-in</source>
        <translation>Caniatáu mewngofnodi all-lein</translation>
    </message>
    <message>
        <source>Days offline sign-in works after the last online sign-in</source>
        <translation>Dyddiau y mae mewngofnodi all-lein yn gweithio ar ôl y mewngofnodi ar-lein diwethaf</translation>
    </message>
    <message>
        <source> days</source>
        <translation> diwrnod</translation>
    </message>
    <message>
        <source>Automatic updates</source>
        <translation>Diweddariadau awtomatig</translation>
    </message>
    <message>
        <source>Settings problem</source>
        <translation>Problem gyda&apos;r gosodiadau</translation>
    </message>
    <message>
        <source>A new server, certificate or language applies the next time OTrack starts.</source>
        <translation>Daw gweinydd, tystysgrif neu iaith newydd i rym y tro nesaf y bydd OTrack yn cychwyn.</translation>
    </message>
    <message>
        <source>When changes apply</source>
        <translation>Pryd y daw newidiadau i rym</translation>
    </message>
    <message>
        <source>Save settings</source>
        <translation>Cadw&apos;r gosodiadau</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Canslo</translation>
    </message>
    <message>
        <source>&amp;Language:</source>
        <translation>&amp;Iaith:</translation>
    </message>
    <message>
        <source>S&amp;ync every:</source>
        <translation>&amp;Cysoni bob:</translation>
    </message>
    <message>
        <source>&amp;Offline sign-in:</source>
        <translation>Mewngofnodi &amp;all-lein:</translation>
    </message>
    <message>
        <source>Offline sign-in &amp;works for:</source>
        <translation>Mae mewngofnodi all-lein yn &amp;gweithio am:</translation>
    </message>
    <message>
        <source>Updates:</source>
        <translation>Diweddariadau:</translation>
    </message>
    <message>
        <source>Managed by your organisation</source>
        <translation>Wedi&apos;i reoli gan eich sefydliad</translation>
    </message>
    <message>
        <source>Set for this computer when OTrack was installed</source>
        <translation>Wedi&apos;i osod ar gyfer y cyfrifiadur hwn pan osodwyd OTrack</translation>
    </message>
    <message>
        <source>Your organisation&apos;s value is not valid, so it is not used. Please tell your IT team.</source>
        <translation>Nid yw gwerth eich sefydliad yn ddilys, felly nid yw&apos;n cael ei ddefnyddio. Rhowch wybod i&apos;ch tîm TG.</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>Nodyn</translation>
    </message>
    <message>
        <source>On (set by your organisation). This version of OTrack does not update itself: your IT team installs new versions.</source>
        <translation>Ymlaen (wedi&apos;i osod gan eich sefydliad). Nid yw&apos;r fersiwn hwn o OTrack yn diweddaru ei hun: mae eich tîm TG yn gosod fersiynau newydd.</translation>
    </message>
    <message>
        <source>Off. OTrack does not update itself: your IT team installs new versions.</source>
        <translation>I ffwrdd. Nid yw OTrack yn diweddaru ei hun: mae eich tîm TG yn gosod fersiynau newydd.</translation>
    </message>
    <message>
        <source>Your settings could not be saved on this computer. Please tell your IT team.</source>
        <translation>Nid oedd modd cadw eich gosodiadau ar y cyfrifiadur hwn. Rhowch wybod i&apos;ch tîm TG.</translation>
    </message>
    <message>
        <source>This setting is decided by your organisation.</source>
        <translation>Eich sefydliad sy&apos;n penderfynu&apos;r gosodiad hwn.</translation>
    </message>
    <message>
        <source>The server address must start with https:// and name the server, for example https://otrack.example.sch.uk.</source>
        <translation>Rhaid i gyfeiriad y gweinydd ddechrau gyda https:// ac enwi&apos;r gweinydd, er enghraifft https://otrack.example.sch.uk.</translation>
    </message>
    <message>
        <source>The CA certificate file cannot be read.</source>
        <translation>Nid oes modd darllen ffeil y dystysgrif CA.</translation>
    </message>
    <message>
        <source>This is not a CA certificate OTrack can use. Give the full path of a PEM file, or the certificate in base64.</source>
        <translation>Nid yw hon yn dystysgrif CA y gall OTrack ei defnyddio. Rhowch lwybr llawn ffeil PEM, neu&apos;r dystysgrif mewn base64.</translation>
    </message>
    <message>
        <source>This value is not allowed.</source>
        <translation>Ni chaniateir y gwerth hwn.</translation>
    </message>
    <message>
        <source>Trusts: %1</source>
        <translation>Yn ymddiried yn: %1</translation>
    </message>
    <message>
        <source>Choose the CA certificate</source>
        <translation>Dewis y dystysgrif CA</translation>
    </message>
    <message>
        <source>Certificates (*.pem *.crt *.cer);;All files (*)</source>
        <translation>Tystysgrifau (*.pem *.crt *.cer);;Pob ffeil (*)</translation>
    </message>
    <message>
        <source>Ser&amp;ver address:</source>
        <translation>Cyfeiriad y g&amp;weinydd:</translation>
    </message>
    <message>
        <source>C&amp;A certificate:</source>
        <translation>Tystysgrif C&amp;A:</translation>
    </message>
</context>
<context>
    <name>otrack::SignInWindow</name>
    <message>
        <source>Sign in to OTrack</source>
        <translation>Mewngofnodi i OTrack</translation>
    </message>
    <message>
        <source>OTrack logo</source>
        <translation>Logo OTrack</translation>
    </message>
    <message>
        <source>School</source>
        <translation>Ysgol</translation>
    </message>
    <message>
        <source>The name of your school as your data manager gave it to you</source>
        <translation>Enw eich ysgol fel y&apos;i rhoddwyd i chi gan eich rheolwr data</translation>
    </message>
    <message>
        <source>Username</source>
        <translation>Enw defnyddiwr</translation>
    </message>
    <message>
        <source>Password</source>
        <translation>Cyfrinair</translation>
    </message>
    <message>
        <source>&amp;Sign in</source>
        <translation>&amp;Mewngofnodi</translation>
    </message>
    <message>
        <source>Sign in</source>
        <translation>Mewngofnodi</translation>
    </message>
    <message>
        <source>Sign-in problem</source>
        <translation>Problem mewngofnodi</translation>
    </message>
    <message>
        <source>About signing in</source>
        <translation>Am fewngofnodi</translation>
    </message>
    <message>
        <source>S&amp;chool:</source>
        <translation>&amp;Ysgol:</translation>
    </message>
    <message>
        <source>&amp;Username:</source>
        <translation>&amp;Enw defnyddiwr:</translation>
    </message>
    <message>
        <source>&amp;Password:</source>
        <translation>&amp;Cyfrinair:</translation>
    </message>
    <message>
        <source>Enter your school, username and password.</source>
        <translation>Rhowch eich ysgol, eich enw defnyddiwr a&apos;ch cyfrinair.</translation>
    </message>
    <message>
        <source>&amp;Work offline</source>
        <translation>Gweithio &amp;all-lein</translation>
    </message>
    <message>
        <source>Work offline</source>
        <translation>Gweithio all-lein</translation>
    </message>
    <message>
        <source>Open your marks on this PC without the server. They sync when the server can be reached again.</source>
        <translation>Agor eich marciau ar y cyfrifiadur hwn heb y gweinydd. Byddant yn cysoni pan fydd modd cyrraedd y gweinydd eto.</translation>
    </message>
    <message>
        <source>Signing in</source>
        <translation>Wrthi&apos;n mewngofnodi</translation>
    </message>
    <message>
        <source>Sign in with the school, username and password your data manager gave you. Your data on this PC is kept encrypted and opens only with your password.</source>
        <translation>Mewngofnodwch gyda&apos;r ysgol, yr enw defnyddiwr a&apos;r cyfrinair a roddodd eich rheolwr data i chi. Caiff eich data ar y cyfrifiadur hwn ei gadw wedi&apos;i amgryptio a dim ond gyda&apos;ch cyfrinair y mae&apos;n agor.</translation>
    </message>
    <message>
        <source>Opening your data on this PC...</source>
        <translation>Wrthi&apos;n agor eich data ar y cyfrifiadur hwn...</translation>
    </message>
    <message>
        <source>Signing in to your school&apos;s OTrack server...</source>
        <translation>Wrthi&apos;n mewngofnodi i weinydd OTrack eich ysgol...</translation>
    </message>
    <message>
        <source>The first sign-in on a PC needs the server, so there is nothing on this PC to open yet.</source>
        <translation>Mae&apos;r mewngofnodi cyntaf ar gyfrifiadur angen y gweinydd, felly nid oes dim ar y cyfrifiadur hwn i&apos;w agor eto.</translation>
    </message>
    <message>
        <source>You can work offline with the marks on this PC: they sync when the server can be reached again.</source>
        <translation>Gallwch weithio all-lein gyda&apos;r marciau ar y cyfrifiadur hwn: byddant yn cysoni pan fydd modd cyrraedd y gweinydd eto.</translation>
    </message>
</context>
<context>
    <name>otrack::SyncIndicator</name>
    <message>
        <source>Sync status</source>
        <translation>Statws cysoni</translation>
    </message>
    <message>
        <source>Download progress</source>
        <translation>Cynnydd llwytho i lawr</translation>
    </message>
    <message>
        <source>Sync now</source>
        <translation>Cysoni nawr</translation>
    </message>
    <message>
        <source>Send your changes and fetch your colleagues&apos; now (F5)</source>
        <translation>Anfon eich newidiadau a nôl rhai eich cydweithwyr nawr (F5)</translation>
    </message>
    <message>
        <source>Not synced yet</source>
        <translation>Heb gysoni eto</translation>
    </message>
    <message>
        <source>OTrack syncs once you are signed in.</source>
        <translation>Mae OTrack yn cysoni unwaith y byddwch wedi mewngofnodi.</translation>
    </message>
    <message numerus="yes">
        <source>%n conflict(s)</source>
        <translation>
            <numerusform>Gwrthdaro: %n</numerusform>
            <numerusform>Gwrthdaro: %n</numerusform>
            <numerusform>Gwrthdaro: %n</numerusform>
            <numerusform>Gwrthdaro: %n</numerusform>
            <numerusform>Gwrthdaro: %n</numerusform>
        </translation>
    </message>
    <message>
        <source>Marks that need your choice: open Conflicts</source>
        <translation>Marciau sydd angen eich dewis: agorwch Gwrthdaro</translation>
    </message>
    <message>
        <source>%1 of %2</source>
        <extracomment>%1 rows done of %2</extracomment>
        <translation>%1 o %2</translation>
    </message>
    <message numerus="yes">
        <source>First download: %n row(s) so far</source>
        <translation>
            <numerusform>Llwytho i lawr cyntaf: %n rhes hyd yma</numerusform>
            <numerusform>Llwytho i lawr cyntaf: %n rhes hyd yma</numerusform>
            <numerusform>Llwytho i lawr cyntaf: %n rhes hyd yma</numerusform>
            <numerusform>Llwytho i lawr cyntaf: %n rhes hyd yma</numerusform>
            <numerusform>Llwytho i lawr cyntaf: %n rhes hyd yma</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Fetched %n change(s)</source>
        <translation>
            <numerusform>Newidiadau a nôlwyd: %n</numerusform>
            <numerusform>Newidiadau a nôlwyd: %n</numerusform>
            <numerusform>Newidiadau a nôlwyd: %n</numerusform>
            <numerusform>Newidiadau a nôlwyd: %n</numerusform>
            <numerusform>Newidiadau a nôlwyd: %n</numerusform>
        </translation>
    </message>
</context>
</TS>
