package com.mallservicedesk.survey.campaign;

import static com.mallservicedesk.survey.formula.SatisfactionFormulas.percent;

import com.mallservicedesk.survey.formula.Level;
import com.mallservicedesk.survey.formula.SatisfactionFormulas;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * A campaign's results by the formulas of seed 000 §4.5.1: per respondent (satisfied ÷ surveyed items), overall (the
 * mean over respondents), per item (total score ÷ respondents × 5), per form and per respondent group. Percentages
 * with one decimal; an item is below target when its unrounded satisfaction is under 90 %.
 */
public record SurveyResults(String surveyId, String period, String status, Double target, int sampled, int responded,
                            Double responseRate, Double overall, List<FormResult> forms, List<GroupResult> groups,
                            List<RespondentResult> respondents) {

    public record FormResult(String form, String title, int sampled, int responded, Double satisfaction,
                             List<ItemResult> items) {
    }

    /** @param responses respondents who scored the item; {@code maxScore} = responses × 5 */
    public record ItemResult(String code, String title, String department, long responses, long satisfied,
                             long totalScore, long maxScore, Double satisfaction, boolean belowTarget) {
    }

    public record GroupResult(RespondentGroup group, int sampled, int responded, Double satisfaction) {
    }

    public record RespondentResult(String respondentId, String name, String form, RespondentGroup group,
                                   int surveyedItems, int satisfiedItems, Double satisfaction) {
    }

    static SurveyResults of(String surveyId, String period, String status, List<SurveyForm> forms,
                            List<Response> responses) {
        Map<String, Response> byRespondent = new java.util.HashMap<>();
        responses.forEach(r -> byRespondent.put(r.respondentId(), r));
        List<RespondentResult> perRespondent = new ArrayList<>();
        List<FormResult> perForm = new ArrayList<>();
        int sampled = 0;
        for (SurveyForm form : forms) {
            sampled += form.respondents().size();
            List<Double> formRates = new ArrayList<>();
            for (Respondent respondent : form.respondents()) {
                Response response = byRespondent.get(respondent.id());
                if (response == null) {
                    continue;
                }
                var answers = response.answers().values();
                int satisfied = (int) answers.stream().filter(Level::satisfied).count();
                Double rate = SatisfactionFormulas.respondent(answers);
                formRates.add(rate);
                perRespondent.add(new RespondentResult(respondent.id(), respondent.name(), form.code(), respondent.group(),
                        answers.size(), satisfied, percent(rate)));
            }
            List<ItemResult> items = new ArrayList<>();
            for (SurveyItem item : form.items()) {
                List<Level> scores = form.respondents().stream().map(r -> byRespondent.get(r.id()))
                        .filter(Objects::nonNull).map(r -> r.answers().get(item.code())).filter(Objects::nonNull).toList();
                long total = scores.stream().mapToLong(Level::score).sum();
                Double rate = SatisfactionFormulas.item(total, scores.size());
                items.add(new ItemResult(item.code(), item.title(), item.department(), scores.size(),
                        scores.stream().filter(Level::satisfied).count(), total, (long) scores.size() * Level.MAX_SCORE,
                        percent(rate), SatisfactionFormulas.belowTarget(rate)));
            }
            perForm.add(new FormResult(form.code(), form.title(), form.respondents().size(), formRates.size(),
                    percent(SatisfactionFormulas.overall(formRates)), items));
        }
        List<GroupResult> perGroup = new ArrayList<>();
        for (RespondentGroup group : RespondentGroup.values()) {
            int inGroup = (int) forms.stream().flatMap(f -> f.respondents().stream()).filter(r -> r.group() == group).count();
            if (inGroup == 0) {
                continue;
            }
            var rates = perRespondent.stream().filter(r -> r.group() == group).toList();
            perGroup.add(new GroupResult(group, inGroup, rates.size(), percent(SatisfactionFormulas.overall(
                    rates.stream().map(r -> SatisfactionFormulas.respondent(r.satisfiedItems(), r.surveyedItems())).toList()))));
        }
        Double overall = SatisfactionFormulas.overall(perRespondent.stream()
                .map(r -> SatisfactionFormulas.respondent(r.satisfiedItems(), r.surveyedItems())).toList());
        return new SurveyResults(surveyId, period, status, percent(SatisfactionFormulas.TARGET), sampled,
                perRespondent.size(), percent(perRespondent.size(), sampled), percent(overall), perForm, perGroup,
                perRespondent);
    }

    /** Items below target that someone scored: each becomes an improvement action. */
    List<ItemResult> itemsBelowTarget(String form) {
        return forms.stream().filter(f -> f.form().equals(form)).flatMap(f -> f.items().stream())
                .filter(ItemResult::belowTarget).toList();
    }
}
