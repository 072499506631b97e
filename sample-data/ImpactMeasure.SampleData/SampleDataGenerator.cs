using System.Diagnostics;
using System.Text.Json;
using ImpactMeasure.SampleData.Geography;
using ImpactMeasure.SampleData.Gpad;
using ImpactMeasure.SampleData.Local;
using ImpactMeasure.SampleData.Output;

namespace ImpactMeasure.SampleData;

/// <summary>Writes a whole synthetic set: reference data, GPAD national files, local extracts and truth.json.
/// The GPAD files stream practice by practice; the local extracts (a few per cent of the size) are held
/// for the run because the patient-level file needs every event of a patient.</summary>
public sealed class SampleDataGenerator
{
    private readonly SampleDataOptions _options;
    private readonly Action<string> _log;
    private readonly FileTally _tally = new();

    public SampleDataGenerator(SampleDataOptions options, Action<string>? log = null)
    {
        _options = options;
        _log = log ?? (_ => { });
    }

    public GenerationSummary Generate()
    {
        var clock = Stopwatch.StartNew();
        var geography = SyntheticGeography.Build(_options);
        var practices = geography.Practices;
        var crosstab = new CrosstabWriter(_options);
        var daily = new SubIcbDailyWriter(_options, practices);
        var services = new ServiceCatalogue(_options, practices);
        var signposting = new SignpostingGenerator(_options, services, SignpostingGenerator.PlantedPcn(practices));
        var wellbeing = new WellbeingGenerator(_options);
        var events = new List<SignpostEvent>();
        var scores = new List<WellbeingScore>();
        long appointments = 0;
        Write("reference", $"reference/gpad-mapping-{NhsDates.Month(_options.Start)}.csv", ReferenceWriter.GpadMappingHeader,
            f => ReferenceWriter.WriteGpadMapping(f, practices));
        IReadOnlyList<SignpostEvent> previous = [];
        for (var m = 0; m < _options.Months; m++)
        {
            var month = _options.MonthStart(m);
            var name = NhsDates.Month(month);
            Write("reference", $"reference/gp-reg-pat-prac-map-{name}.csv", ReferenceWriter.PracticeMapHeader,
                f => ReferenceWriter.WritePracticeMap(f, practices, month, m));
            Write("list-size", $"reference/list-size-{name}.csv", ReferenceWriter.ListSizeHeader,
                f => ReferenceWriter.WriteListSizes(f, practices, month, m));
            SubIcbMonth? totals = null;
            Write("gpad-practice-crosstab", $"gpad/practice-level-crosstab-{name}.csv", CrosstabWriter.Header,
                f => totals = crosstab.Write(f, practices, m));
            appointments += totals!.Total;
            using (var dailyFile = new CsvOut(PathOf($"gpad/subicb-daily-{name}.csv"), SubIcbDailyWriter.DailyHeader))
            using (var durationFile = new CsvOut(PathOf($"gpad/subicb-actual-duration-{name}.csv"), SubIcbDailyWriter.DurationHeader))
            {
                daily.Write(dailyFile, durationFile, totals);
                _tally.Add("gpad-subicb-daily", dailyFile);
                _tally.Add("gpad-subicb-duration", durationFile);
            }
            var thisMonth = signposting.Generate(practices, m);
            Write("signposting", $"local/signposting-{name}.csv", SignpostingWriter.Header,
                f => SignpostingWriter.Write(f, thisMonth, previous));
            events.AddRange(thisMonth);
            scores.AddRange(thisMonth.SelectMany(wellbeing.ScoresFor));
            previous = thisMonth;
            _log($"{name}: {totals.Total:N0} appointments, {thisMonth.Count:N0} signposting events ({clock.Elapsed.TotalSeconds:F1} s)");
        }
        var patientGenerator = new PatientAppointmentsGenerator(_options);
        var patientAppointments = patientGenerator.Generate(practices, events);
        Write("registered-patients", $"local/registered-patients-{NhsDates.Month(_options.MonthStart(_options.Months - 1))}.csv", LocalWriters.RegisteredPatientHeader,
            f => patientGenerator.Registered(practices, events).ForEach(r => LocalWriters.Write(f, r)));
        WriteByMonth("wellbeing", "local/wellbeing", LocalWriters.WellbeingHeader, scores, s => s.MeasuredOn, LocalWriters.Write);
        WriteByMonth("patient-appointments", "local/patient-appointments", LocalWriters.PatientAppointmentHeader, patientAppointments, a => a.Date, LocalWriters.Write);
        var truth = TruthBuilder.Build(_options, geography, crosstab, services, events, patientAppointments, wellbeing, appointments, _tally, signposting.InappropriatePcn);
        File.WriteAllText(PathOf("truth.json"), JsonSerializer.Serialize(truth, TruthBuilder.JsonOptions) + "\n");
        return new GenerationSummary(_tally, clock.Elapsed, Environment.WorkingSet, Process.GetCurrentProcess().PeakWorkingSet64);
    }

    private void WriteByMonth<T>(string kind, string prefix, string[] header, IReadOnlyList<T> rows, Func<T, DateOnly> dateOf, Action<CsvOut, T> write)
    {
        var byMonth = rows.ToLookup(r => NhsDates.Month(dateOf(r)));
        for (var m = 0; m < _options.Months; m++)
        {
            var name = NhsDates.Month(_options.MonthStart(m));
            Write(kind, $"{prefix}-{name}.csv", header, f =>
            {
                foreach (var row in byMonth[name])
                    write(f, row);
            });
        }
    }

    private void Write(string kind, string relativePath, string[] header, Action<CsvOut> body)
    {
        using var file = new CsvOut(PathOf(relativePath), header);
        body(file);
        _tally.Add(kind, file);
    }

    private string PathOf(string relativePath) => Path.Combine(_options.OutputDirectory, relativePath);
}
