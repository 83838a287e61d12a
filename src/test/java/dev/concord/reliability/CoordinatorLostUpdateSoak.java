package dev.concord.reliability;

/** The lost-update cases of {@link CoordinatorLostUpdateTest} at the size: 8 coordinators x 50 edits. */
class CoordinatorLostUpdateSoak extends CoordinatorLostUpdateTest {
    @Override
    int edits() {
        return 50;
    }
}
